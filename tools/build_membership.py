"""Build src/riftwatch/data/lexicons/membership/v1.{jsonl,meta.json}: bloc membership periods
hand-written from public record (official member lists named in each line's source).

Usage: python tools/build_membership.py"""

import json
import os

OUT = os.path.join(
    os.path.dirname(__file__), "..", "src", "riftwatch", "data", "lexicons", "membership"
)
rows = []


def add(bloc, member, start, end=None, source="", note="", status="member"):
    rows.append(
        {
            "bloc": bloc,
            "member": member,
            "start": start,
            "end": end,
            "status": status,
            "source": source,
            "note": note,
        }
    )


# ---------------------------------------------------------------- UN
S_UN = "United Nations Member States (un.org/en/about-us/member-states)"
UN = """AFG 1946-11-19|ALB 1955-12-14|DZA 1962-10-08|AND 1993-07-28|AGO 1976-12-01|ATG 1981-11-11|ARG 1945-10-24|ARM 1992-03-02|AUS 1945-11-01|AUT 1955-12-14|AZE 1992-03-02|BHS 1973-09-18|BHR 1971-09-21|BGD 1974-09-17|BRB 1966-12-09|BLR 1945-10-24|BEL 1945-12-27|BLZ 1981-09-25|BEN 1960-09-20|BTN 1971-09-21|BOL 1945-11-14|BIH 1992-05-22|BWA 1966-10-17|BRA 1945-10-24|BRN 1984-09-21|BGR 1955-12-14|BFA 1960-09-20|BDI 1962-09-18|CPV 1975-09-16|KHM 1955-12-14|CMR 1960-09-20|CAN 1945-11-09|CAF 1960-09-20|TCD 1960-09-20|CHL 1945-10-24|CHN 1945-10-24|COL 1945-11-05|COM 1975-11-12|COG 1960-09-20|CRI 1945-11-02|CIV 1960-09-20|HRV 1992-05-22|CUB 1945-10-24|CYP 1960-09-20|CZE 1993-01-19|PRK 1991-09-17|COD 1960-09-20|DNK 1945-10-24|DJI 1977-09-20|DMA 1978-12-18|DOM 1945-10-24|ECU 1945-12-21|EGY 1945-10-24|SLV 1945-10-24|GNQ 1968-11-12|ERI 1993-05-28|EST 1991-09-17|SWZ 1968-09-24|ETH 1945-11-13|FJI 1970-10-13|FIN 1955-12-14|FRA 1945-10-24|GAB 1960-09-20|GMB 1965-09-21|GEO 1992-07-31|DEU 1973-09-18|GHA 1957-03-08|GRC 1945-10-25|GRD 1974-09-17|GTM 1945-11-21|GIN 1958-12-12|GNB 1974-09-17|GUY 1966-09-20|HTI 1945-10-24|HND 1945-12-17|HUN 1955-12-14|ISL 1946-11-19|IND 1945-10-30|IDN 1950-09-28|IRN 1945-10-24|IRQ 1945-12-21|IRL 1955-12-14|ISR 1949-05-11|ITA 1955-12-14|JAM 1962-09-18|JPN 1956-12-18|JOR 1955-12-14|KAZ 1992-03-02|KEN 1963-12-16|KIR 1999-09-14|KWT 1963-05-14|KGZ 1992-03-02|LAO 1955-12-14|LVA 1991-09-17|LBN 1945-10-24|LSO 1966-10-17|LBR 1945-11-02|LBY 1955-12-14|LIE 1990-09-18|LTU 1991-09-17|LUX 1945-10-24|MDG 1960-09-20|MWI 1964-12-01|MYS 1957-09-17|MDV 1965-09-21|MLI 1960-09-28|MLT 1964-12-01|MHL 1991-09-17|MRT 1961-10-27|MUS 1968-04-24|MEX 1945-11-07|FSM 1991-09-17|MCO 1993-05-28|MNG 1961-10-27|MNE 2006-06-28|MAR 1956-11-12|MOZ 1975-09-16|MMR 1948-04-19|NAM 1990-04-23|NRU 1999-09-14|NPL 1955-12-14|NLD 1945-12-10|NZL 1945-10-24|NIC 1945-10-24|NER 1960-09-20|NGA 1960-10-07|MKD 1993-04-08|NOR 1945-11-27|OMN 1971-10-07|PAK 1947-09-30|PLW 1994-12-15|PAN 1945-11-13|PNG 1975-10-10|PRY 1945-10-24|PER 1945-10-31|PHL 1945-10-24|POL 1945-10-24|PRT 1955-12-14|QAT 1971-09-21|KOR 1991-09-17|MDA 1992-03-02|ROU 1955-12-14|RUS 1945-10-24|RWA 1962-09-18|KNA 1983-09-23|LCA 1979-09-18|VCT 1980-09-16|WSM 1976-12-15|SMR 1992-03-02|STP 1975-09-16|SAU 1945-10-24|SEN 1960-09-28|SRB 2000-11-01|SYC 1976-09-21|SLE 1961-09-27|SGP 1965-09-21|SVK 1993-01-19|SVN 1992-05-22|SLB 1978-09-19|SOM 1960-09-20|ZAF 1945-11-07|SSD 2011-07-14|ESP 1955-12-14|LKA 1955-12-14|SDN 1956-11-12|SUR 1975-12-04|SWE 1946-11-19|CHE 2002-09-10|SYR 1945-10-24|TJK 1992-03-02|THA 1946-12-16|TLS 2002-09-27|TGO 1960-09-20|TON 1999-09-14|TTO 1962-09-18|TUN 1956-11-12|TUR 1945-10-24|TKM 1992-03-02|TUV 2000-09-05|UGA 1962-10-25|UKR 1945-10-24|ARE 1971-12-09|GBR 1945-10-24|TZA 1961-12-14|USA 1945-10-24|URY 1945-12-18|UZB 1992-03-02|VUT 1981-09-15|VEN 1945-11-15|VNM 1977-09-20|YEM 1947-09-30|ZMB 1964-12-01|ZWE 1980-08-25"""
UN_NOTES = {
    "RUS": "Date is the USSR's original membership; the Russian Federation continued the USSR's seat from 24 Dec 1991.",
    "DEU": "FRG and GDR both admitted 18 Sep 1973; unified Germany continues from 3 Oct 1990 (GDR listed separately as DDR).",
    "YEM": "Date is North Yemen's admission; unified Yemen continues from 22 May 1990 (South Yemen listed separately as YMD).",
    "SRB": "Admitted as the Federal Republic of Yugoslavia (later Serbia and Montenegro); Serbia continues the membership since 3 Jun 2006.",
    "CZE": "Czechoslovakia (CSK) was a member 1945-1992; Czechia admitted as a new member.",
    "SVK": "Czechoslovakia (CSK) was a member 1945-1992; Slovakia admitted as a new member.",
    "TZA": "Tanganyika admitted 14 Dec 1961; united with Zanzibar (admitted 16 Dec 1963) on 26 Apr 1964.",
    "IDN": "Indonesia withdrew 20 Jan 1965 and resumed participation 28 Sep 1966; the UN lists the original 1950 date.",
    "CHN": "Seat held by the Republic of China until GA res. 2758 of 25 Oct 1971; from then by the People's Republic of China. Taiwan (TWN) is not a member.",
    "MKD": "Admitted under the provisional name 'the former Yugoslav Republic of Macedonia'; North Macedonia since 2019.",
    "MYS": "Admitted as the Federation of Malaya.",
    "EGY": "Original member; part of the United Arab Republic with Syria 1958-1961.",
}
for tok in UN.split("|"):
    c, d = tok.split()
    add("UN", c, d, None, S_UN, UN_NOTES.get(c, ""))
add(
    "UN",
    "CSK",
    "1945-10-24",
    "1993-01-01",
    S_UN,
    "Czechoslovakia (ISO 3166-3 code); dissolved 31 Dec 1992, succeeded by CZE and SVK (admitted 19 Jan 1993).",
)
add(
    "UN",
    "DDR",
    "1973-09-18",
    "1990-10-03",
    S_UN,
    "German Democratic Republic (ISO 3166-3 code); acceded to the FRG 3 Oct 1990.",
)
add(
    "UN",
    "YMD",
    "1967-12-14",
    "1990-05-22",
    S_UN,
    "People's Democratic Republic of Yemen (ISO 3166-3 code); merged into YEM 22 May 1990.",
)
add(
    "UN",
    "YUG",
    "1945-10-24",
    "2000-11-01",
    S_UN,
    "Socialist Federal Republic of Yugoslavia seat (ISO 3166-3 code YUG). SFRY dissolved 1991-92; GA res. 47/1 (22 Sep 1992) denied the FRY automatic continuation. The UN membership tally kept counting the seat until the FRY was admitted as a new member on 1 Nov 2000 (see SRB).",
)
add(
    "UN",
    "YUG",
    "1992-09-22",
    "2000-11-01",
    S_UN,
    "GA res. 47/1: the FRY 'shall not participate in the work of the General Assembly' pending a new application.",
    "suspended",
)
add(
    "UN",
    "ZAF",
    "1974-11-12",
    "1994-06-23",
    S_UN,
    "General Assembly rejected South Africa's credentials from 12 Nov 1974 (not a formal suspension of membership under Art. 5); South Africa resumed its seat 23 Jun 1994.",
    "suspended",
)
# ---------------------------------------------------------------- NATO
S_NATO = "NATO member countries (nato.int)"
for c in "BEL CAN DNK FRA ISL ITA LUX NLD NOR PRT GBR USA".split():
    n = "Founding member (North Atlantic Treaty entered into force 24 Aug 1949)."
    if c == "FRA":
        n += " Left NATO's integrated military command in 1966 and returned in 2009 but remained a member throughout."
    add("NATO", c, "1949-08-24", None, S_NATO, n)
add(
    "NATO",
    "GRC",
    "1952-02-18",
    None,
    S_NATO,
    "Withdrew from the integrated military command 1974-1980 but remained a member.",
)
add("NATO", "TUR", "1952-02-18", None, S_NATO)
add(
    "NATO",
    "DEU",
    "1955-05-06",
    None,
    S_NATO,
    "Joined as the FRG; unified Germany continues from 3 Oct 1990.",
)
add("NATO", "ESP", "1982-05-30", None, S_NATO)
for c in "CZE HUN POL".split():
    add("NATO", c, "1999-03-12", None, S_NATO)
for c in "BGR EST LVA LTU ROU SVK SVN".split():
    add("NATO", c, "2004-03-29", None, S_NATO)
for c in "ALB HRV".split():
    add("NATO", c, "2009-04-01", None, S_NATO)
add("NATO", "MNE", "2017-06-05", None, S_NATO)
add("NATO", "MKD", "2020-03-27", None, S_NATO)
add("NATO", "FIN", "2023-04-04", None, S_NATO)
add("NATO", "SWE", "2024-03-07", None, S_NATO)

# ---------------------------------------------------------------- EU (EC before 1 Nov 1993)
S_EU = "EU countries and history of enlargement (european-union.europa.eu)"
for c in "BEL FRA DEU ITA LUX NLD".split():
    n = "Founding member of the EEC (Treaty of Rome in force 1 Jan 1958); EC/EU treated as one bloc (EU from 1 Nov 1993)."
    if c == "DEU":
        n += (
            " Joined as the FRG; the former GDR territory joined on German unification, 3 Oct 1990."
        )
    add("EU", c, "1958-01-01", None, S_EU, n)
for c in "DNK IRL".split():
    add("EU", c, "1973-01-01", None, S_EU)
add(
    "EU",
    "GBR",
    "1973-01-01",
    "2020-02-01",
    S_EU,
    "Left 31 Jan 2020 at 23:00 GMT (last day of membership 31 Jan 2020).",
)
add("EU", "GRC", "1981-01-01", None, S_EU)
for c in "ESP PRT".split():
    add("EU", c, "1986-01-01", None, S_EU)
for c in "AUT FIN SWE".split():
    add("EU", c, "1995-01-01", None, S_EU)
for c in "CYP CZE EST HUN LVA LTU MLT POL SVK SVN".split():
    add("EU", c, "2004-05-01", None, S_EU)
for c in "BGR ROU".split():
    add("EU", c, "2007-01-01", None, S_EU)
add("EU", "HRV", "2013-07-01", None, S_EU)

# ---------------------------------------------------------------- OSCE (CSCE before 1 Jan 1995)
S_OSCE = "OSCE participating States (osce.org/participating-states)"
n_csce = "Original CSCE participant (Helsinki consultations opened 25 Jun 1973; Final Act signed 1 Aug 1975); CSCE renamed OSCE 1 Jan 1995."
for c in "AUT BEL BGR CAN CYP DNK FIN FRA DEU GRC VAT HUN ISL IRL ITA LIE LUX MLT MCO NLD NOR POL PRT ROU SMR ESP SWE CHE TUR RUS GBR USA".split():
    n = n_csce
    if c == "RUS":
        n += " Date is the USSR's; the Russian Federation continued the USSR's participation from Dec 1991."
    if c == "DEU":
        n += " Joined as the FRG; the GDR (DDR) participated separately until 3 Oct 1990."
    add("OSCE", c, "1973-06-25", None, S_OSCE, n)
add(
    "OSCE",
    "DDR",
    "1973-06-25",
    "1990-10-03",
    S_OSCE,
    n_csce + " GDR (ISO 3166-3 code); ceased on German unification.",
)
add(
    "OSCE",
    "CSK",
    "1973-06-25",
    "1993-01-01",
    S_OSCE,
    n_csce + " Czechoslovakia (ISO 3166-3 code); dissolved 31 Dec 1992.",
)
add(
    "OSCE",
    "YUG",
    "1973-06-25",
    "2000-11-10",
    S_OSCE,
    n_csce
    + " SFRY/FRY seat (ISO 3166-3 code); the FRY was admitted as a new participating State on 10 Nov 2000 (see SRB).",
)
add(
    "OSCE",
    "YUG",
    "1992-07-08",
    "2000-11-10",
    S_OSCE,
    "Yugoslavia (FRY) suspended from participation by the Helsinki Summit decision of 8 Jul 1992.",
    "suspended",
)
add("OSCE", "ALB", "1991-06-19", None, S_OSCE)
for c in "EST LVA LTU".split():
    add("OSCE", c, "1991-09-10", None, S_OSCE)
for c in "ARM AZE BLR KAZ KGZ MDA TJK TKM UKR UZB".split():
    add("OSCE", c, "1992-01-30", None, S_OSCE)
for c in "GEO HRV SVN".split():
    add("OSCE", c, "1992-03-24", None, S_OSCE)
add("OSCE", "BIH", "1992-04-30", None, S_OSCE)
for c in "CZE SVK".split():
    add("OSCE", c, "1993-01-01", None, S_OSCE)
add("OSCE", "MKD", "1995-10-12", None, S_OSCE)
add("OSCE", "AND", "1996-04-25", None, S_OSCE)
add(
    "OSCE",
    "SRB",
    "2000-11-10",
    None,
    S_OSCE,
    "Admitted as the FRY (Serbia and Montenegro from 2003); Serbia continues since 2006. The OSCE timeline page misprints the date as 10 Sep 2000.",
)
add("OSCE", "MNE", "2006-06-22", None, S_OSCE)
add("OSCE", "MNG", "2012-11-21", None, S_OSCE)

# ---------------------------------------------------------------- Council of Europe
S_COE = "Council of Europe member states (coe.int)"
COE = """BEL 1949-05-05|DNK 1949-05-05|FRA 1949-05-05|IRL 1949-05-05|ITA 1949-05-05|LUX 1949-05-05|NLD 1949-05-05|NOR 1949-05-05|SWE 1949-05-05|GBR 1949-05-05|TUR 1949-08-09|ISL 1950-03-07|DEU 1950-07-13|AUT 1956-04-16|CYP 1961-05-24|CHE 1963-05-06|MLT 1965-04-29|GRC 1974-11-28|PRT 1976-09-22|ESP 1977-11-24|LIE 1978-11-23|SMR 1988-11-16|FIN 1989-05-05|HUN 1990-11-06|POL 1991-11-26|BGR 1992-05-07|EST 1993-05-14|LTU 1993-05-14|SVN 1993-05-14|CZE 1993-06-30|SVK 1993-06-30|ROU 1993-10-07|AND 1994-11-10|LVA 1995-02-10|ALB 1995-07-13|MDA 1995-07-13|MKD 1995-11-09|UKR 1995-11-09|RUS 1996-02-28|HRV 1996-11-06|GEO 1999-04-27|ARM 2001-01-25|AZE 2001-01-25|BIH 2002-04-24|SRB 2003-04-03|MCO 2004-10-05|MNE 2007-05-11"""
COE_NOTES = {
    "GRC": "Original member from 9 Aug 1949; withdrew 12 Dec 1969 under the military regime and rejoined 28 Nov 1974 (current period only).",
    "DEU": "Joined as the FRG (associate 1950, full member 1951); unified Germany continues from 3 Oct 1990.",
    "SRB": "Joined as Serbia and Montenegro; Serbia continues the membership since Jun 2006.",
    "RUS": "Expelled: ceased to be a member on 16 Mar 2022 (Committee of Ministers resolution CM/Res(2022)2). PACE voting rights were suspended 2014-2019 (not a suspension of membership).",
}
for tok in COE.split("|"):
    c, d = tok.split()
    end = "2022-03-16" if c == "RUS" else None
    add(
        "COE",
        c,
        d,
        end,
        S_COE,
        COE_NOTES.get(
            c, "Founding member (Treaty of London signed 5 May 1949)." if d == "1949-05-05" else ""
        ),
    )
add(
    "COE",
    "CSK",
    "1991-02-21",
    "1993-01-01",
    S_COE,
    "Czechoslovakia (ISO 3166-3 code); dissolved 31 Dec 1992; CZE and SVK joined 30 Jun 1993.",
)
add(
    "COE",
    "RUS",
    "2022-02-25",
    "2022-03-16",
    S_COE,
    "Rights of representation suspended by the Committee of Ministers on 25 Feb 2022, before expulsion.",
    "suspended",
)

# ---------------------------------------------------------------- AU (OAU 1963-2002)
S_AU = "African Union Member States (au.int/en/member_states/countryprofiles2)"
S_PSC = "AU Peace and Security Council communiques (au.int / peaceau.org)"
OAU = "OAU founding member (25 May 1963); AU from 9 Jul 2002 (OAU and AU treated as one bloc)."
for c in "DZA BEN BFA BDI CMR CAF TCD COG COD CIV EGY ETH GAB GHA GIN LBR LBY MDG MLI MRT NER NGA RWA SEN SLE SOM SDN TGO TUN UGA TZA".split():
    add("AU", c, "1963-05-25", None, S_AU, OAU)
AU_LATER = """KEN 1963-12-13|MWI 1964-07-13|ZMB 1964-12-16|GMB 1965-03-09|BWA 1966-10-31|LSO 1966-10-31|MUS 1968-08-01|SWZ 1968-09-24|GNQ 1968-10-12|GNB 1973-11-19|AGO 1976-02-11|CPV 1975-07-18|COM 1975-07-18|MOZ 1975-07-18|STP 1975-07-18|SYC 1976-06-29|DJI 1977-06-27|ZWE 1980-06-18|ESH 1982-02-22|NAM 1990-06-01|ERI 1993-05-24|ZAF 1994-06-06|SSD 2011-07-27"""
AU_NOTES = {
    "GMB": "Joined the OAU in 1965 (9 Mar 1965 per AU-derived lists; not verified against an AU document). Pre-1990.",
    "AGO": "Admitted to the OAU in Feb 1976 after independence (some lists give 11 Feb 1975 or 1979); pre-1990.",
    "KEN": "Joined on independence (Dec 1963); some lists give 25 May 1963. Pre-1990.",
    "ESH": "Sahrawi Arab Democratic Republic (code ESH = Western Sahara) admitted 22 Feb 1982; recognised as a member by the AU.",
    "SSD": "54th member (27 Jul 2011; some reports give 28 Jul).",
}
for tok in AU_LATER.split("|"):
    c, d = tok.split()
    add("AU", c, d, None, S_AU, AU_NOTES.get(c, ""))
add(
    "AU",
    "MAR",
    "2017-01-30",
    None,
    S_AU,
    "Founding OAU member 1963; withdrew 12 Nov 1984 over SADR admission. Readmitted by AU Assembly decision of 30 Jan 2017 (instrument of accession deposited 31 Jan 2017).",
)
AU_SUSP = [
    (
        "CAF",
        "2003-03-17",
        "2005-06-23",
        "Suspended after the 15 Mar 2003 coup (start day approximate, 'March 2003'); lifted by the PSC after the 2005 elections.",
    ),
    (
        "MRT",
        "2005-08-04",
        "2007-04-10",
        "Suspended after the 3 Aug 2005 coup; lifted after the March 2007 election (end day approximate, April 2007).",
    ),
    (
        "MRT",
        "2008-08-09",
        "2009-06-30",
        "Suspended after the 6 Aug 2008 coup; lifted by the PSC at Sirte after the Dakar agreement (end approx. 29-30 Jun 2009).",
    ),
    (
        "GIN",
        "2008-12-29",
        "2010-12-09",
        "Suspended after the Dec 2008 coup; reinstated by the PSC in Dec 2010 after Alpha Conde's election.",
    ),
    (
        "MDG",
        "2009-03-20",
        "2014-01-27",
        "Suspended after Rajoelina's March 2009 takeover; lifted by the PSC on 27 Jan 2014.",
    ),
    (
        "NER",
        "2010-02-19",
        "2011-04-07",
        "Suspended by the PSC (216th meeting, 19 Feb 2010) after the 18 Feb 2010 coup; lifted after the 2011 elections (exact PSC date not verified; end set to the elected president's inauguration).",
    ),
    (
        "CIV",
        "2010-12-09",
        "2011-04-21",
        "Suspended over Gbagbo's refusal to cede power; lifted after Ouattara took office (end date approximate).",
    ),
    ("MLI", "2012-03-23", "2012-10-24", "Suspended after the 22 Mar 2012 coup; lifted Oct 2012."),
    (
        "GNB",
        "2012-04-17",
        "2014-06-17",
        "Suspended by the PSC (318th meeting, 17 Apr 2012); lifted by the PSC (442nd meeting, 17 Jun 2014).",
    ),
    (
        "CAF",
        "2013-03-25",
        "2016-04-06",
        "Suspended after the Seleka takeover; lifted by the PSC on 6 Apr 2016.",
    ),
    (
        "EGY",
        "2013-07-05",
        "2014-06-17",
        "Suspended after the 3 Jul 2013 ouster of Morsi; lifted 17 Jun 2014.",
    ),
    (
        "BFA",
        "2015-09-18",
        "2015-09-23",
        "Suspended after the 16 Sep 2015 presidential-guard coup; end set to the restoration of the transitional government (formal PSC lifting date not verified).",
    ),
    (
        "SDN",
        "2019-06-06",
        "2019-09-06",
        "Suspended until a civilian-led transitional authority was set up; lifted Sep 2019.",
    ),
    (
        "MLI",
        "2020-08-19",
        "2020-10-09",
        "Suspended after the Aug 2020 coup; lifted Oct 2020 after the transition was set up.",
    ),
    (
        "MLI",
        "2021-06-01",
        None,
        "Suspended after the May 2021 second coup; still suspended at last public record checked.",
    ),
    (
        "GIN",
        "2021-09-10",
        None,
        "Suspended after the 5 Sep 2021 coup; still suspended at last public record checked (2025) - check for a lifting after the Dec 2025 election.",
    ),
    ("SDN", "2021-10-27", None, "Suspended after the 25 Oct 2021 coup; still suspended."),
    ("BFA", "2022-01-31", None, "Suspended after the 24 Jan 2022 coup; still suspended."),
    ("NER", "2023-08-22", None, "Suspended after the 26 Jul 2023 coup; still suspended."),
    (
        "GAB",
        "2023-08-31",
        "2025-04-30",
        "Suspended after the 30 Aug 2023 coup; lifted by the PSC on 30 Apr 2025 after the presidential election.",
    ),
    (
        "MDG",
        "2025-10-15",
        None,
        "Suspended 'with immediate effect' after the Oct 2025 military takeover.",
    ),
    (
        "GNB",
        "2025-11-28",
        None,
        "Suspended by the PSC (1315th meeting) after the 26 Nov 2025 coup.",
    ),
]
for c, s, e, n in AU_SUSP:
    add("AU", c, s, e, S_PSC, n, "suspended")

# ---------------------------------------------------------------- ASEAN
S_ASEAN = "ASEAN Member States (asean.org)"
for c in "IDN MYS PHL SGP THA".split():
    add(
        "ASEAN",
        c,
        "1967-08-08",
        None,
        S_ASEAN,
        "Founding member (Bangkok Declaration, 8 Aug 1967).",
    )
add("ASEAN", "BRN", "1984-01-07", None, S_ASEAN)
add("ASEAN", "VNM", "1995-07-28", None, S_ASEAN)
add("ASEAN", "LAO", "1997-07-23", None, S_ASEAN)
add(
    "ASEAN",
    "MMR",
    "1997-07-23",
    None,
    S_ASEAN,
    "Political-level representation at summits restricted since Oct 2021 (not a suspension).",
)
add("ASEAN", "KHM", "1999-04-30", None, S_ASEAN)
add(
    "ASEAN",
    "TLS",
    "2025-10-26",
    None,
    S_ASEAN,
    "Admitted as the 11th member at the 47th ASEAN Summit, Kuala Lumpur (observer 2022-2025).",
)

# ---------------------------------------------------------------- G7 / G8
S_G7 = "G7 Information Centre, University of Toronto (g7.utoronto.ca)"
for c in "FRA DEU ITA JPN GBR USA".split():
    add(
        "G7",
        c,
        "1975-11-15",
        None,
        S_G7,
        "Founding participant, Rambouillet summit (15-17 Nov 1975). The EU also takes part as a non-enumerated member (not listed).",
    )
add("G7", "CAN", "1976-06-27", None, S_G7, "Joined at the Puerto Rico summit (27-28 Jun 1976).")
for c in "CAN FRA DEU ITA JPN GBR USA".split():
    add(
        "G8",
        c,
        "1997-06-20",
        "2014-03-24",
        S_G7,
        "G8 format (Denver 'Summit of the Eight' 1997; formally G8 from 1998) until Russia's suspension on 24 Mar 2014; the G7 lines continue throughout.",
    )
add(
    "G8",
    "RUS",
    "1997-06-20",
    "2014-03-24",
    S_G7,
    "Participated fully from the Denver summit (1997); G7 leaders suspended the G8 format on 24 Mar 2014 (The Hague declaration); Russia announced its final exit in Jan 2017.",
)

# ---------------------------------------------------------------- G20
S_G20 = "About the G20 (g20.org)"
for c in "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EU".split():
    n = "Founding member; the G20 was announced by G7 finance ministers on 25 Sep 1999 and first met in Berlin on 15-16 Dec 1999 (start = first meeting)."
    if c == "EU":
        n += " The European Union is a member in its own right (not a state)."
    if c == "ZAF":
        n += " The US government said South Africa would not be invited to the 2026 US-hosted G20; this is not a formal change of membership."
    add("G20", c, "1999-12-15", None, S_G20, n)
add(
    "G20",
    "AU",
    "2023-09-09",
    None,
    S_G20,
    "African Union admitted as a permanent member at the New Delhi summit (9 Sep 2023). Not a state.",
)

# ---------------------------------------------------------------- BRICS
S_BRICS = "BRICS members (brics.br / infobrics.org)"
for c in "BRA RUS IND CHN".split():
    add(
        "BRICS",
        c,
        "2009-06-16",
        None,
        S_BRICS,
        "BRIC founding member: first leaders' summit at Yekaterinburg 16 Jun 2009 (foreign ministers first met as BRIC on 20 Sep 2006).",
    )
add(
    "BRICS",
    "ZAF",
    "2010-12-24",
    None,
    S_BRICS,
    "Invited by China as BRIC chair and accepted 24 Dec 2010; first summit attended Sanya, 14 Apr 2011.",
)
for c in "EGY ETH IRN ARE".split():
    add(
        "BRICS",
        c,
        "2024-01-01",
        None,
        S_BRICS,
        "Invited at the Johannesburg summit (24 Aug 2023); membership effective 1 Jan 2024.",
    )
add(
    "BRICS",
    "IDN",
    "2025-01-06",
    None,
    S_BRICS,
    "Membership announced by Brazil as chair on 6 Jan 2025.",
)
# ---------------------------------------------------------------- SCO
S_SCO = "SCO member states (eng.sectsco.org)"
for c in "CHN KAZ KGZ RUS TJK".split():
    add(
        "SCO",
        c,
        "1996-04-26",
        None,
        S_SCO,
        "Shanghai Five from 26 Apr 1996 (treated as the SCO's predecessor); SCO founded 15 Jun 2001.",
    )
add("SCO", "UZB", "2001-06-15", None, S_SCO, "Founding member of the SCO (15 Jun 2001).")
for c in "IND PAK".split():
    add(
        "SCO",
        c,
        "2017-06-09",
        None,
        S_SCO,
        "Admitted as full member at the Astana summit (9 Jun 2017).",
    )
add(
    "SCO",
    "IRN",
    "2023-07-04",
    None,
    S_SCO,
    "Admitted at the (virtual) New Delhi summit, 4 Jul 2023.",
)
add("SCO", "BLR", "2024-07-04", None, S_SCO, "Admitted at the Astana summit, 4 Jul 2024.")

# ---------------------------------------------------------------- CSTO
S_CSTO = "CSTO member states and history (en.odkb-csto.org)"
n_cst = "Signatory of the Collective Security Treaty (Tashkent, 15 May 1992; in force 20 Apr 1994); CSTO Charter signed 7 Oct 2002."
for c in "ARM KAZ KGZ RUS TJK".split():
    add(
        "CSTO",
        c,
        "1992-05-15",
        None,
        S_CSTO,
        n_cst
        + (
            " Armenia 'froze' its participation from Feb 2024 (PM Pashinyan, 22 Feb 2024: stopped attending and funding) but has not withdrawn and remains formally a member; not recorded as a suspension because the CSTO has taken no decision."
            if c == "ARM"
            else ""
        ),
    )
add(
    "CSTO",
    "UZB",
    "1992-05-15",
    "1999-04-02",
    S_CSTO,
    n_cst
    + " Did not sign the 2 Apr 1999 extension protocol; its obligations lapsed when the first term ended (20 Apr 1999).",
)
add(
    "CSTO",
    "AZE",
    "1993-09-24",
    "1999-04-02",
    S_CSTO,
    "Acceded 24 Sep 1993. Did not sign the 2 Apr 1999 extension protocol; obligations lapsed 20 Apr 1999.",
)
add(
    "CSTO",
    "GEO",
    "1993-12-09",
    "1999-04-02",
    S_CSTO,
    "Acceded 9 Dec 1993. Did not sign the 2 Apr 1999 extension protocol; obligations lapsed 20 Apr 1999.",
)
add("CSTO", "BLR", "1993-12-31", None, S_CSTO, "Acceded 31 Dec 1993.")
add(
    "CSTO",
    "UZB",
    "2006-08-16",
    "2012-12-19",
    S_CSTO,
    "Returned to the CSTO (announced Minsk 23 Jun 2006; protocol 16 Aug 2006). Notified suspension 28 Jun 2012; the Collective Security Council suspended its membership 19 Dec 2012 (the Charter has no withdrawal clause). Treated as an exit: the CSTO lists six members.",
)
# ---------------------------------------------------------------- CIS
S_CIS = "CIS Executive Committee: member states (e-cis.info)"
add("CIS", "RUS", "1991-12-08", None, S_CIS, "Founder (Belovezha Agreement, 8 Dec 1991).")
add("CIS", "BLR", "1991-12-08", None, S_CIS, "Founder (Belovezha Agreement, 8 Dec 1991).")
add(
    "CIS",
    "UKR",
    "1991-12-08",
    "2018-05-19",
    S_CIS,
    "Founder (Belovezha Agreement) but never ratified the 1993 CIS Charter ('founding and participating state'). Announced exit in 2014; decree of 19 May 2018 ended participation in CIS statutory bodies. End date = that decree (formal status disputed).",
)
for c in "ARM KAZ KGZ TJK UZB".split():
    add("CIS", c, "1991-12-21", None, S_CIS, "Joined by the Alma-Ata Protocol, 21 Dec 1991.")
add(
    "CIS",
    "MDA",
    "1991-12-21",
    None,
    S_CIS,
    "Alma-Ata Protocol 21 Dec 1991; ratified 8 Apr 1994. Has withdrawn from many CIS agreements since 2022 and announced intent to leave, but no completed formal withdrawal at last public record checked.",
)
add(
    "CIS",
    "AZE",
    "1991-12-21",
    "1992-10-07",
    S_CIS,
    "Signed the Alma-Ata Protocol; parliament refused ratification 7 Oct 1992.",
)
add("CIS", "AZE", "1993-09-24", None, S_CIS, "Rejoined 24 Sep 1993.")
add(
    "CIS",
    "TKM",
    "1991-12-21",
    "2005-08-26",
    S_CIS,
    "Full member until it downgraded to associate member (Kazan summit, 26 Aug 2005); associate membership is not counted as membership here.",
)
add(
    "CIS",
    "GEO",
    "1993-12-03",
    "2009-08-18",
    S_CIS,
    "Joined Dec 1993; withdrawal announced 14 Aug 2008 after the war with Russia, effective 18 Aug 2009.",
)

# ---------------------------------------------------------------- EEU
S_EEU = "Eurasian Economic Union member states (eaeunion.org)"
for c in "BLR KAZ RUS".split():
    add(
        "EEU",
        c,
        "2015-01-01",
        None,
        S_EEU,
        "Founding member (Treaty on the EAEU in force 1 Jan 2015).",
    )
add("EEU", "ARM", "2015-01-02", None, S_EEU)
add("EEU", "KGZ", "2015-08-12", None, S_EEU)

# ---------------------------------------------------------------- Arab League
S_ARL = "League of Arab States member states (leagueofarabstates.net)"
for c in "EGY IRQ JOR LBN SAU SYR".split():
    add("ARL", c, "1945-03-22", None, S_ARL, "Founding member (Pact of the League, 22 Mar 1945).")
add(
    "ARL",
    "YEM",
    "1945-05-05",
    None,
    S_ARL,
    "North Yemen joined 5 May 1945; unified Yemen continues from 22 May 1990.",
)
ARL = "LBY 1953-03-28|SDN 1956-01-19|MAR 1958-10-01|TUN 1958-10-01|KWT 1961-07-20|DZA 1962-08-16|BHR 1971-09-11|QAT 1971-09-11|OMN 1971-09-29|ARE 1971-12-06|MRT 1973-11-26|SOM 1974-02-14|PSE 1976-09-09|DJI 1977-09-04|COM 1993-11-20"
for tok in ARL.split("|"):
    c, d = tok.split()
    add(
        "ARL",
        c,
        d,
        None,
        S_ARL,
        "Admitted as the PLO representing Palestine; State of Palestine since 1988."
        if c == "PSE"
        else "",
    )
add(
    "ARL",
    "YMD",
    "1967-12-12",
    "1990-05-22",
    S_ARL,
    "South Yemen (ISO 3166-3 code); merged into YEM 22 May 1990.",
)
add(
    "ARL",
    "EGY",
    "1979-03-26",
    "1989-05-23",
    S_ARL,
    "Suspended after the Egypt-Israel peace treaty; readmitted May 1989 (headquarters moved to Tunis meanwhile).",
    "suspended",
)
add(
    "ARL",
    "LBY",
    "2011-02-22",
    "2011-08-27",
    S_ARL,
    "Participation suspended during the 2011 crackdown; seat given to the National Transitional Council 27 Aug 2011.",
    "suspended",
)
add(
    "ARL",
    "SYR",
    "2011-11-16",
    "2023-05-07",
    S_ARL,
    "Suspended by the Council decision of 12 Nov 2011, effective 16 Nov 2011; readmitted by the Council on 7 May 2023.",
    "suspended",
)

# ---------------------------------------------------------------- GCC
S_GCC = "Gulf Cooperation Council member states (gcc-sg.org)"
for c in "BHR KWT OMN QAT SAU ARE".split():
    n = "Founding member (Abu Dhabi, 25 May 1981)."
    if c == "QAT":
        n += " The 2017-2021 blockade by SAU, ARE, BHR (with EGY) was not a suspension of GCC membership."
    add("GCC", c, "1981-05-25", None, S_GCC, n)

# ---------------------------------------------------------------- ECOWAS
S_ECO = "ECOWAS member states (ecowas.int)"
for c in "BEN BFA CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO".split():
    n = "Founding member (Treaty of Lagos, 28 May 1975)."
    end = None
    if c in ("MLI", "BFA", "NER"):
        end = "2025-01-29"
        n += " Withdrawal announced 28 Jan 2024 (with the Alliance of Sahel States); effective 29 Jan 2025."
    if c == "MRT":
        end = "2001-01-01"
        n += " Withdrew in 2000 (notified Dec 1999, effective Dec 2000; end day approximate). Associate agreement signed 2017 (not membership)."
    add("ECOWAS", c, "1975-05-28", end, S_ECO, n)
add("ECOWAS", "CPV", "1977-01-01", None, S_ECO, "Joined 1977 (year only; start set to 1 Jan).")
ECO_SUSP = [
    (
        "GIN",
        "2009-01-10",
        "2011-03-24",
        "Suspended after the Dec 2008 coup; lifted after the 2010 election (end approximate: Abuja summit Mar 2011).",
    ),
    (
        "NER",
        "2009-10-20",
        "2011-03-24",
        "Suspended over President Tandja's extra-constitutional term extension; lifted after the 2011 elections (end approximate).",
    ),
    (
        "CIV",
        "2010-12-07",
        "2011-04-21",
        "Suspended over Gbagbo's refusal to cede power; lifted after Ouattara took office (end approximate).",
    ),
    (
        "MLI",
        "2021-05-30",
        "2025-01-29",
        "Suspended after the May 2021 coup; ended by Mali's withdrawal.",
    ),
    (
        "GIN",
        "2021-09-08",
        None,
        "Suspended after the 5 Sep 2021 coup; still suspended at last public record checked (sanctions eased Feb 2024).",
    ),
    (
        "BFA",
        "2022-01-28",
        "2025-01-29",
        "Suspended after the Jan 2022 coup; ended by Burkina Faso's withdrawal.",
    ),
    (
        "NER",
        "2023-07-30",
        "2025-01-29",
        "Suspended from ECOWAS bodies and sanctioned after the 26 Jul 2023 coup (sanctions lifted 24 Feb 2024); ended by Niger's withdrawal.",
    ),
    (
        "GNB",
        "2025-11-27",
        None,
        "Suspended from all ECOWAS decision-making bodies after the 26 Nov 2025 coup.",
    ),
]
for c, s, e, n in ECO_SUSP:
    add(
        "ECOWAS",
        c,
        s,
        e,
        "ECOWAS Authority / Mediation and Security Council communiques (ecowas.int)",
        n,
        "suspended",
    )

# ---------------------------------------------------------------- SADC (SADCC 1980-1992)
S_SADC = "SADC Member States (sadc.int/member-states)"
for c in "AGO BWA LSO MWI MOZ SWZ TZA ZMB ZWE".split():
    add(
        "SADC",
        c,
        "1980-04-01",
        None,
        S_SADC,
        "Founding member of SADCC (Lusaka Declaration, 1 Apr 1980); SADC Treaty signed Windhoek 17 Aug 1992 (treated as one bloc).",
    )
add(
    "SADC",
    "NAM",
    "1990-03-21",
    None,
    S_SADC,
    "Joined SADCC on independence in 1990 (start set to independence day; exact admission day not verified).",
)
add("SADC", "ZAF", "1994-08-29", None, S_SADC)
add("SADC", "MUS", "1995-08-28", None, S_SADC)
add("SADC", "COD", "1997-09-08", None, S_SADC)
add(
    "SADC",
    "SYC",
    "1997-09-08",
    "2004-07-01",
    S_SADC,
    "Withdrew effective 1 Jul 2004 (cost of membership).",
)
add(
    "SADC",
    "SYC",
    "2008-08-17",
    None,
    S_SADC,
    "Rejoined at the 2008 Johannesburg summit (day approximate).",
)
add("SADC", "MDG", "2005-08-18", None, S_SADC)
add(
    "SADC",
    "MDG",
    "2009-03-30",
    "2014-01-30",
    S_SADC,
    "Suspended after the 2009 unconstitutional change of government; reinstated 30 Jan 2014.",
    "suspended",
)
add(
    "SADC",
    "COM",
    "2017-08-20",
    None,
    S_SADC,
    "Admitted at the 37th SADC Summit, Pretoria (19-20 Aug 2017).",
)

# ---------------------------------------------------------------- OAS
S_OAS = "OAS Member States (oas.org/en/member_states)"
for (
    c
) in "ARG BOL BRA CHL COL CRI CUB DOM ECU SLV GTM HTI HND MEX NIC PAN PRY PER USA URY VEN".split():
    n = "Original signatory of the OAS Charter (Bogota, 30 Apr 1948; in force 13 Dec 1951); ratification dates vary."
    end = None
    if c == "VEN":
        end = "2019-04-27"
        n += " Denounced the Charter 28 Apr 2017; withdrawal effective 27 Apr 2019. The OAS Permanent Council seated a representative of the Guaido-led National Assembly from 9 Apr 2019, so some OAS bodies kept a 'Venezuela' seat after that date."
    if c == "NIC":
        end = "2023-11-19"
        n += " Denounced the Charter 19 Nov 2021; withdrawal effective 19 Nov 2023."
    if c == "CUB":
        n += " Government excluded from participation 31 Jan 1962; the exclusion was lifted 3 Jun 2009 (AG/RES. 2438) but Cuba has not resumed participation."
    add("OAS", c, "1948-04-30", end, S_OAS, n)
OAS = "TTO 1967-03-23|BRB 1967-11-15|JAM 1969-06-20|GRD 1975-05-13|SUR 1977-06-08|DMA 1979-05-22|LCA 1979-05-22|ATG 1981-12-03|VCT 1981-12-03|BHS 1982-03-03|KNA 1984-03-12|CAN 1990-01-08|BLZ 1991-01-08|GUY 1991-01-08"
for tok in OAS.split("|"):
    c, d = tok.split()
    add("OAS", c, d, None, S_OAS)
add(
    "OAS",
    "CUB",
    "1962-01-31",
    "2009-06-03",
    S_OAS,
    "Government of Cuba excluded from participation (8th Meeting of Consultation, Punta del Este); resolution lifted 3 Jun 2009.",
    "suspended",
)
add(
    "OAS",
    "HND",
    "2009-07-04",
    "2011-06-01",
    S_OAS,
    "Suspended under the Inter-American Democratic Charter after the 28 Jun 2009 coup; readmitted 1 Jun 2011.",
    "suspended",
)

# ---------------------------------------------------------------- OIC
S_OIC = "OIC Member States (oic-oci.org/states)"
OIC = {
    1969: "AFG DZA TCD EGY GIN IDN IRN JOR KWT LBN LBY MYS MLI MRT MAR NER PAK PSE SAU SEN SDN SOM TUN TUR YEM",
    1972: "BHR OMN QAT SYR ARE SLE",
    1974: "BGD GAB GMB GNB UGA BFA CMR",
    1975: "IRQ",
    1976: "COM MDV",
    1978: "DJI",
    1983: "BEN",
    1984: "BRN",
    1986: "NGA",
    1992: "AZE ALB KGZ TJK TKM",
    1994: "MOZ",
    1995: "KAZ",
    1996: "UZB SUR",
    1997: "TGO",
    1998: "GUY",
    2001: "CIV",
}
for y, cs in OIC.items():
    for c in cs.split():
        if y == 1969:
            s, n = "1969-09-25", "Founding member (Rabat conference, 25 Sep 1969)."
        else:
            s, n = (
                f"{y}-01-01",
                f"Joined {y} (the OIC publishes the year only; start set to 1 Jan).",
            )
        if c == "YEM":
            n += " North Yemen; unified Yemen continues from 22 May 1990."
        if c == "AFG":
            n += " Suspended 1980-1989 (Soviet occupation). Since Aug 2021 the seat is not held by the Taliban government; membership not suspended."
        if c == "EGY":
            n += " Suspended May 1979 - Mar 1984."
        add("OIC", c, s, None, S_OIC, n)
add(
    "OIC",
    "YMD",
    "1970-01-01",
    "1990-05-22",
    S_OIC,
    "South Yemen (ISO 3166-3 code; joined c. 1970, year approximate); merged into YEM 22 May 1990.",
)
add(
    "OIC",
    "SYR",
    "2012-08-15",
    "2025-03-07",
    S_OIC,
    "Suspended at the 4th Extraordinary Islamic Summit, Mecca (14-15 Aug 2012); reinstated by the 20th extraordinary CFM, Jeddah, 7 Mar 2025.",
    "suspended",
)

# ---------------------------------------------------------------- MERCOSUR
S_MER = "MERCOSUR countries (mercosur.int)"
for c in "ARG BRA PRY URY".split():
    add(
        "MERCOSUR",
        c,
        "1991-03-26",
        None,
        S_MER,
        "Founding State Party (Treaty of Asuncion signed 26 Mar 1991; in force 29 Nov 1991).",
    )
add(
    "MERCOSUR",
    "VEN",
    "2012-07-31",
    None,
    S_MER,
    "Full State Party from 31 Jul 2012 (accession protocol 2006); suspended since Dec 2016 (see suspended line), never formally expelled.",
)
add(
    "MERCOSUR",
    "VEN",
    "2016-12-01",
    None,
    S_MER,
    "Suspended 1 Dec 2016 for failing accession obligations; suspended again under the Ushuaia Protocol democratic clause on 5 Aug 2017. Still suspended.",
    "suspended",
)
add(
    "MERCOSUR",
    "PRY",
    "2012-06-29",
    "2013-08-15",
    S_MER,
    "Suspended after President Lugo's impeachment; reinstated when President Cartes took office, 15 Aug 2013.",
    "suspended",
)
add(
    "MERCOSUR",
    "BOL",
    "2024-07-08",
    None,
    S_MER,
    "Full State Party from the Asuncion summit of 8 Jul 2024 after completing ratification (accession protocol signed 2015); has four years to adopt the common rules.",
)


# ---------------------------------------------------------------- WST (derived)
def intervals(bloc, member):
    return [
        (r["start"], r["end"])
        for r in rows
        if r["bloc"] == bloc and r["member"] == member and r["status"] == "member"
    ]


def union(iv):
    iv = sorted(iv, key=lambda x: x[0])
    out = []
    for s, e in iv:
        if out and (out[-1][1] is None or s <= out[-1][1]):
            if out[-1][1] is not None and (e is None or e > out[-1][1]):
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


S_WST = "riftwatch definition: union of NATO and EU membership plus AUS, NZL, JPN, CHE (see v1.meta.json)"
wst_members = sorted(
    {r["member"] for r in rows if r["bloc"] in ("NATO", "EU") and r["status"] == "member"}
)
for m in wst_members:
    for s, e in union(intervals("NATO", m) + intervals("EU", m)):
        parts = [
            b
            for b in ("NATO", "EU")
            if any((ss <= (e or "9999") and (ee is None or ee > s)) for ss, ee in intervals(b, m))
        ]
        add("WST", m, s, e, S_WST, "Derived from " + " and ".join(parts) + " membership dates.")
for m in "AUS NZL JPN CHE".split():
    add(
        "WST",
        m,
        "1990-01-01",
        None,
        S_WST,
        "Extra Western state by definition; start = start of coverage (1990-01-01).",
    )

# ---------------------------------------------------------------- write
order = [
    "UN",
    "NATO",
    "EU",
    "OSCE",
    "COE",
    "AU",
    "ASEAN",
    "G7",
    "G8",
    "G20",
    "BRICS",
    "SCO",
    "CSTO",
    "CIS",
    "EEU",
    "ARL",
    "GCC",
    "ECOWAS",
    "SADC",
    "OAS",
    "OIC",
    "MERCOSUR",
    "WST",
]
stat_order = {"member": 0, "suspended": 1}
rows.sort(key=lambda r: (order.index(r["bloc"]), stat_order[r["status"]], r["member"], r["start"]))
os.makedirs(OUT, exist_ok=True)
keys = ["bloc", "member", "start", "end", "status", "source", "note"]
with open(os.path.join(OUT, "v1.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
print(len(rows), "rows")

# ---------------------------------------------------------------- meta
meta = {
    "name": "membership",
    "version": "v1",
    "schema": (
        "One JSON object per line, one line per (bloc, member, period, status): "
        "bloc (riftwatch IGO/bloc code), member (ISO 3166-1 alpha-3; Kosovo XKX, Palestine PSE; ISO 3166-3 codes CSK, DDR, YMD, YUG for states dissolved after 1990; "
        "'EU' and 'AU' only as members of G20), start (YYYY-MM-DD, inclusive), end (YYYY-MM-DD, exclusive; null = still holds on 2026-11-30), "
        "status, source (official page the fact is recorded on), note. "
        "status: 'member' = full membership (a suspension does NOT end a member line); 'suspended' = period inside a member line during which the "
        "state was suspended/excluded from participation (riftwatch.actors.membership subtracts these unless include_suspended=True). "
        "No other status is used (the loader refuses others); observers, associates, invitees and partners are listed under 'not_members'. "
        "Predecessors are folded into their successor bloc: EEC/EC -> EU, CSCE -> OSCE, OAU -> AU, SADCC -> SADC, Shanghai Five -> SCO, BRIC -> BRICS, "
        "Collective Security Treaty (1992) -> CSTO. G8 is a separate bloc (1997-06-20 to 2014-03-24) alongside G7. "
        "State continuity follows each organisation's own listing: RUS carries the USSR's seats, DEU the FRG's, YEM North Yemen's, SRB the FRY's (from its 2000 admission)."
    ),
    "sources": [
        "https://www.un.org/en/about-us/member-states",
        "https://www.un.org/en/about-us/growth-in-un-membership",
        "https://www.un.org/en/about-us/non-member-states",
        "https://www.nato.int/cps/en/natohq/nato_countries.htm",
        "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
        "https://www.osce.org/participating-states",
        "https://www.coe.int/en/web/portal/46-members-states",
        "https://au.int/en/member_states/countryprofiles2",
        "https://www.peaceau.org (AU Peace and Security Council communiques)",
        "https://asean.org/member-states/",
        "http://www.g7.utoronto.ca (G7 Information Centre)",
        "https://www.g20.org (about the G20)",
        "https://infobrics.org and the 2025 Brazilian BRICS presidency site brics.br",
        "https://eng.sectsco.org",
        "https://en.odkb-csto.org",
        "https://e-cis.info",
        "https://eaeunion.org",
        "http://www.leagueofarabstates.net",
        "https://www.gcc-sg.org",
        "https://ecowas.int/member-states/",
        "https://www.sadc.int/member-states",
        "https://www.oas.org/en/member_states/default.asp",
        "https://www.oic-oci.org/states/?lan=en",
        "https://www.mercosur.int/en/about-mercosur/mercosur-countries/",
    ],
    "tool": "hand-written from public record",
    "entries": len(rows),
    "coverage": "1990-01-01 (or founding, if later) to 2026-11-30; pre-1990 start dates are given as recorded, pre-1990 periods that ended before 1990 are mostly omitted.",
    "definitions": {
        "WST": (
            "'The West' = at each date, the union of NATO member states and EU (EC) member states, plus Australia (AUS), New Zealand (NZL), Japan (JPN) "
            "and Switzerland (CHE). Lines are derived from the NATO and EU lines (overlapping or adjacent periods merged; suspension lines not used); the four extra "
            "states are included from 1990-01-01, the start of coverage. Other close partners such as South Korea (KOR) and Israel (ISR) are not included. The definition is riftwatch's convention for aggregating 'the West' / 'Western countries' in news text."
        ),
        "G8": "G7 plus Russia, 1997-06-20 (Denver) to 2014-03-24 (suspension). G7 lines continue throughout.",
        "active": "member lines minus suspended/frozen lines for the same (bloc, member) at the date.",
    },
    "not_members": {
        "UN": "Non-member observer States: Palestine (PSE; PLO observer from 22 Nov 1974, 'Palestine' from 15 Dec 1988, non-member observer State from GA res. 67/19 of 29 Nov 2012, extra rights from GA res. ES-10/23 of 10 May 2024) and the Holy See (VAT; permanent observer since 6 Apr 1964). Neither is a member. Taiwan (TWN) and Kosovo (XKX) are not members.",
        "BRICS": "Saudi Arabia (SAU) was invited in Aug 2023 (effective 1 Jan 2024) and appears on some BRICS/Russian lists, but has not confirmed joining: not listed as a member. Partner countries (category from the Kazan summit, Oct 2024), not members: BLR, BOL, KAZ, CUB, MYS, THA, UGA, UZB from 1 Jan 2025; NGA from 17 Jan 2025; VNM from 13 Jun 2025.",
        "CIS": "Turkmenistan (TKM) has been an associate member since 26 Aug 2005 (its member line ends then).",
        "CSTO": "Armenia (ARM) froze its participation in Feb 2024 without withdrawing; it stays a member (noted on its line, no suspension line).",
        "G7": "The European Union takes part in the G7 as a non-enumerated member; not listed.",
    },
    "caveats": [
        "Pre-1990 accession days for some OAU/AU (GMB, KEN, AGO), OAS and OIC members are approximate or year-only (OIC publishes years only; starts set to 1 Jan). None affects counts from 1990 on except OIC joiners 1992-2001 (AZE, ALB, KGZ, TJK, TKM, MOZ, KAZ, UZB, SUR, TGO, GUY, CIV), whose day is unknown.",
        "Some suspension end dates are approximate and say so in their note (AU: CAF 2003-2005, MRT 2005-2007 and 2008-2009, NER 2010-2011, CIV 2010-2011, BFA 2015; ECOWAS: GIN and NER 2009-2011, CIV 2010-2011).",
        "Not recorded: ECOWAS suspensions of Mali (2012, 2020) and Guinea-Bissau (2012); an AU measure against Togo in 2005; OAU-era (pre-2002) exclusions.",
        "Open suspensions (AU: MLI, GIN, SDN, BFA, NER, MDG, GNB; ECOWAS: GIN, GNB) reflect the last public record checked (late 2025).",
        "Ambiguous statuses, flagged in notes: UKR in CIS (end 2018-05-19), MDA in CIS (still member), UZB in CSTO (membership 'suspended' 2012, treated as exit), ARM in CSTO (frozen), SAU in BRICS (invited), VEN in OAS (Guaido representative seated 2019), CUB in OAS (exclusion lifted 2009 but not participating), YUG seat at the UN 1992-2000.",
        "OPCW and IAEA (near-universal membership) are not covered.",
    ],
    "licence": "MIT (riftwatch); facts from public record",
}
with open(os.path.join(OUT, "v1.meta.json"), "w", encoding="utf-8") as f:
    json.dump(meta, f, indent=2, ensure_ascii=False)
    f.write("\n")
