"""find_mentions on real sentences through the real spaCy model."""

from __future__ import annotations

from riftwatch.actors import find_mentions, load_actor_lexicon
from riftwatch.actors.dateline import find_dateline
from riftwatch.types import ActorKind, ActorMention


def _by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.text: m for m in mentions}


def test_demonym_plus_sector_noun(parse_text) -> None:
    found = _by_text(find_mentions(parse_text("Nato expelled seven Russian diplomats on Tuesday.")))
    assert found["Nato"].code == "NATO" and found["Nato"].kind is ActorKind.IGO
    assert (found["Russian diplomats"].code, found["Russian diplomats"].sector) == ("RUS", "DIP")


def test_offsets_and_token_indices(parse_text) -> None:
    parsed = parse_text("Nato expelled seven Russian diplomats on Tuesday.")
    text = parsed.document.text
    tokens = [t for s in parsed.sentences for t in s.tokens]
    for m in find_mentions(parsed):
        assert text[m.start : m.end] == m.text
        assert tokens[m.token_start].start == m.start and tokens[m.token_end - 1].end == m.end


def test_stoltenberg_depends_on_the_date(parse_text) -> None:
    text = "Nato chief Jens Stoltenberg spoke. Later Stoltenberg stressed the point."
    mentions = find_mentions(parse_text(text, published="2018-03-27"))
    assert [(m.text, m.code) for m in mentions] == [
        ("Nato chief Jens Stoltenberg", "NATO"),
        ("Stoltenberg", "NATO"),
    ]
    later = find_mentions(parse_text("Jens Stoltenberg spoke in Oslo.", published="2025-06-01"))
    assert later[0].code == "NOR"


def test_lowercase_us_is_not_the_united_states(parse_text) -> None:
    mentions = find_mentions(parse_text("He told us that the US would act."))
    assert [m.code for m in mentions] == ["USA"]
    assert mentions[0].text.endswith("US")


def test_titles_join_names(parse_text) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Mevlut Cavusoglu "
        "spoke, and President Hassan Rouhani replied."
    )
    codes = {m.text: (m.code, m.kind) for m in find_mentions(parse_text(text, "2019-04-22"))}
    assert codes["Russian Foreign Minister Sergei Lavrov"] == ("RUS", ActorKind.PERSON)
    assert codes["Turkish counterpart Mevlut Cavusoglu"][0] == "TUR"
    assert codes["President Hassan Rouhani"][0] == "IRN"


def test_may_is_theresa_may_as_a_subject_not_as_a_month(parse_text) -> None:
    text = (
        "LONDON - Prime Minister Theresa May said Britain would act. "
        "May told parliament that Russia was culpable."
    )
    found = _by_text(find_mentions(parse_text(text, "2018-03-14")))
    assert found["Prime Minister Theresa May"].code == "GBR"
    assert found["May"].code == "GBR"
    alone = _by_text(
        find_mentions(parse_text("May said on 24 May that she would quit.", "2019-05-24"))
    )
    assert alone["May"].code == "GBR"
    month = find_mentions(parse_text("In May the talks resumed in Geneva.", "2018-07-01"))
    assert all(m.text != "May" for m in month)


def test_dateline_defaults_and_is_not_a_mention(parse_text) -> None:
    text = "LONDON - Britain will send aid to Ukraine, the Foreign Secretary announced."
    mentions = find_mentions(parse_text(text, "2022-02-27"))
    assert all(m.start > 8 for m in mentions)
    found = _by_text(mentions)
    assert (found["Foreign Secretary"].code, found["Foreign Secretary"].sector) == ("GBR", "GOV")
    assert found["Foreign Secretary"].rule == "actors.v1:rule:sentence-state"
    assert found["Ukraine"].code == "UKR"
    alone = _by_text(find_mentions(parse_text("LONDON - The Foreign Secretary flew to Kyiv.")))
    assert alone["Foreign Secretary"].code == "GBR"
    assert alone["Foreign Secretary"].rule == "actors.v1:rule:dateline-default"


def test_bare_offices_belong_to_the_state_the_sentence_is_about(parse_text) -> None:
    text = (
        "Jair Bolsonaro ordered the armed forces to fight fires after Macron threatened "
        "a trade deal, and state media in Brazil called it an insult."
    )
    found = _by_text(find_mentions(parse_text(text, "2019-08-24")))
    assert (found["armed forces"].code, found["armed forces"].sector) == ("BRA", "MIL")
    assert (found["state media"].code, found["state media"].sector) == ("BRA", "MED")
    later = _by_text(
        find_mentions(parse_text("The Constitutional Court removed Yoon Suk Yeol.", "2025-04-04"))
    )
    assert later["Constitutional Court"].code == "KOR"


def test_no_dateline_leaves_bare_offices_out(parse_text) -> None:
    assert find_mentions(parse_text("The foreign ministry said nothing.")) == []


def test_alliance_anaphor_needs_nato_first(parse_text) -> None:
    assert find_mentions(parse_text("The alliance met on Monday.")) == []
    text = "Nato expelled seven diplomats. The military alliance also blocked three others."
    found = _by_text(find_mentions(parse_text(text)))
    assert found["The military alliance"].code == "NATO"
    assert found["The military alliance"].rule == "actors.v1:rule:alliance-anaphor"


def test_bloc_anaphor_after_eu(parse_text) -> None:
    text = "The European Union agreed sanctions. The bloc said more would follow."
    found = _by_text(find_mentions(parse_text(text)))
    assert found["The bloc"].code == "EU"


def test_counted_groups(parse_text) -> None:
    text = (
        "Nato joined more than 20 Western states. France, Germany and some 15 other EU "
        "countries expelled diplomats."
    )
    found = _by_text(find_mentions(parse_text(text)))
    west = found["more than 20 Western states"]
    assert (west.code, west.kind, west.count.number, west.count.qualifier) == (
        "WST",
        ActorKind.GROUP,
        20,
        "more_than",
    )
    eu = found["some 15 other EU countries"]
    assert (eu.code, eu.count.number, eu.count.qualifier) == ("EU", 15, "about")
    assert found["France"].code == "FRA" and found["Germany"].code == "DEU"


def test_enumerated_states_stay_separate(parse_text) -> None:
    text = "Germany, France and Poland each said they would expel four Russian diplomats."
    codes = [m.code for m in find_mentions(parse_text(text))]
    assert codes == ["DEU", "FRA", "POL", "RUS"]


def test_sector_nouns_and_metonyms(parse_text) -> None:
    text = (
        "WASHINGTON - The US Treasury imposed sanctions and the Kremlin promised a response, "
        "while Indian and Chinese troops clashed, the Indian army said."
    )
    found = _by_text(find_mentions(parse_text(text, "2018-04-06")))
    assert (found["US Treasury"].code, found["US Treasury"].sector) == ("USA", "GOV")
    assert found["the Kremlin"].code == "RUS"
    assert (found["Indian army"].code, found["Indian army"].sector) == ("IND", "MIL")
    assert (found["Chinese troops"].code, found["Chinese troops"].sector) == ("CHN", "MIL")


def test_west_and_unknown_named_ambassador(parse_text) -> None:
    text = (
        "MOSCOW - The foreign ministry summoned British ambassador John Smithson. "
        "Smithson met officials, a rift with the West."
    )
    found = _by_text(find_mentions(parse_text(text)))
    assert found["foreign ministry"].code == "RUS"
    assert (
        found["British ambassador John Smithson"].code,
        found["British ambassador John Smithson"].sector,
    ) == ("GBR", "DIP")
    assert found["Smithson"].code == "GBR"
    assert found["the West"].code == "WST"


def test_mentions_do_not_overlap(parse_text) -> None:
    text = "UN Secretary-General Antonio Guterres welcomed the deal between Ethiopia and Eritrea."
    mentions = find_mentions(parse_text(text, "2018-07-09"))
    assert mentions[0].code == "UN"
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


def test_either_end_of_a_titled_name_is_remembered(parse_text) -> None:
    text = "North Korea's ambassador Kang Chol was expelled. Kang accused Malaysia of lying."
    found = _by_text(find_mentions(parse_text(text)))
    assert (found["Kang"].code, found["Kang"].sector) == ("PRK", "DIP")


def test_generic_anaphors_take_the_latest_organisation_named_lately(parse_text) -> None:
    text = (
        "Argentina asked the IMF for a new loan. The fund said it would study the request. "
        "BRICS leaders met in Kazan. Trade rose. Prices fell. Wages stalled. "
        "The group said nothing."
    )
    found = _by_text(find_mentions(parse_text(text, "2024-10-23")))
    assert found["The fund"].code == "IMF"
    assert "The group" not in found


def test_geography_named_after_states_is_not_an_actor(parse_text) -> None:
    text = "Mali and Niger quit the West African bloc as storms hit the Gulf of Mexico."
    found = _by_text(find_mentions(parse_text(text, "2024-01-29")))
    assert found["Mali"].code == "MLI" and found["Niger"].code == "NER"
    assert not {"West African", "the West", "Mexico", "Gulf of Mexico"} & set(found)


def test_the_country_is_the_state_named_last_not_its_clauses_subject(parse_text) -> None:
    text = "The EU gave Niger's junta a week, and France imposed sanctions on the country."
    found = _by_text(find_mentions(parse_text(text)))
    assert found["the country"].code == "NER"
    text = "Qatar's emir flew to Syria on Monday and became the first leader to visit the country."
    assert _by_text(find_mentions(parse_text(text)))["the country"].code == "SYR"


def test_the_country_needs_a_state_named_lately(parse_text) -> None:
    found = _by_text(find_mentions(parse_text("Protests spread across the country on Monday.")))
    assert "the country" not in found


def test_an_embassy_is_its_senders_and_a_crowd_is_where_it_storms(parse_text) -> None:
    text = (
        "Bahrain cut ties with Iran on Monday, following Saudi Arabia, which severed ties after"
        " protesters stormed its embassy in Tehran."
    )
    found = _by_text(find_mentions(parse_text(text)))
    assert found["embassy"].code == "SAU"
    assert found["protesters"].code == "IRN"


def test_a_crowd_is_where_its_act_happens_in_an_apposed_capital(parse_text) -> None:
    text = "Australia sent troops after protesters defied a lockdown in the capital Honiara."
    assert _by_text(find_mentions(parse_text(text)))["protesters"].code == "SLB"


def test_the_council_after_the_security_council_is_the_un(parse_text) -> None:
    text = (
        "Russia and China vetoed a Security Council resolution on Syria on Tuesday. The US said"
        " it was outraged that the council had failed to act."
    )
    assert _by_text(find_mentions(parse_text(text)))["the council"].code == "UN"


def test_armed_groups_count_as_the_state_they_fight_in(parse_text) -> None:
    text = (
        "Hamas fighters kidnapped dozens of Israelis, Houthi rebels fired missiles at Saudi "
        "Arabia and Kataib Hezbollah attacked a US base, while Hezbollah stayed out."
    )
    found = {m.text: (m.code, m.sector) for m in find_mentions(parse_text(text))}
    assert found["Hamas fighters"][0] == "PSE" or found.get("Hamas", ("",))[0] == "PSE", found
    assert any(t.startswith("Houthi") and c == ("YEM", "REB") for t, c in found.items()), found
    assert found["Kataib Hezbollah"] == ("IRQ", "REB"), found  # the longer name wins
    assert found["Hezbollah"] == ("LBN", "REB"), found


def test_an_acronym_group_name_needs_its_capitals(parse_text) -> None:
    text = "Eta Carinae is a star; ETA announced a ceasefire in Spain."
    codes = [(m.text, m.code) for m in find_mentions(parse_text(text))]
    assert ("ETA", "ESP") in codes and not any(t == "Eta" for t, _ in codes), codes


def test_an_ethnic_people_is_not_its_namesake_state(parse_text) -> None:
    text = "Ethnic Albanians in Kosovo protested, and Albania condemned the arrests."
    found = {m.text: m for m in find_mentions(parse_text(text))}
    assert not found["Albanians"].is_actor and "ethnic" in found["Albanians"].doubt
    assert found["Albania"].is_actor


def test_an_office_a_state_anaphor_owns_is_that_states(parse_text) -> None:
    text = (
        "Taiwan cut ties with the Solomon Islands, pre-empting a decision by the Pacific "
        "nation's cabinet."
    )
    found = {m.text: m.code for m in find_mentions(parse_text(text))}
    assert found["the Pacific nation"] == "SLB" and found["cabinet"] == "SLB", found


def test_an_office_a_state_owns_through_a_possessive_is_that_states(parse_text) -> None:
    text = "Iran vowed revenge, and Iraq's caretaker prime minister condemned the killing."
    found = {m.text: m.code for m in find_mentions(parse_text(text))}
    assert found["prime minister"] == "IRQ", found


def test_a_large_city_dateline_names_its_state_but_the_city_acts_for_no_one(parse_text) -> None:
    lexicon = load_actor_lexicon()
    assert find_dateline("LAGOS - Protesters attacked shops.", lexicon).code == "NGA"
    assert find_dateline("KHABARI CROSSING, Kuwait - The convoy crossed.", lexicon).code == "KWT"
    assert find_dateline("UNITED NATIONS - The council met.", lexicon).code is None
    text = "LAGOS - Protesters attacked South African-owned shops in Lagos on Wednesday."
    found = {m.text: m.code for m in find_mentions(parse_text(text)) if m.is_actor}
    assert "Lagos" not in found and found.get("Protesters") == "NGA", found
