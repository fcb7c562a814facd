"""Write the committed files of tests/data/bad/ (run from anywhere; it writes beside itself).

Several files are not UTF-8 text, so this script is the readable record of their bytes. The
big inputs (a 50 MB page, 100,000 tiny documents) are not here: tests/reliability/
test_bad_input.py generates them in a temporary directory.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).parent


def _event_text(country: str, count: str, day: str, place: str) -> str:
    diplomats = "diplomat" if count == "one" else "diplomats"
    return (
        f"{country} expels {count} Russian {diplomats}\n\n"
        f"{country} expelled {count} Russian {diplomats} on {day}, the foreign ministry said in "
        f"{place}, in solidarity with Britain after the Salisbury poisoning.\n"
    )


def _nested_html(depth: int) -> str:
    text = (
        "Norway expelled one Russian diplomat on Monday, the foreign ministry said in Oslo, in "
        "solidarity with Britain after the Salisbury poisoning."
    )
    return (
        "<html><head><title>Norway expels Russian diplomat</title></head><body>"
        + "<div>" * depth
        + f"<p>{text}</p>"
        + "</div>" * depth
        + "</body></html>\n"
    )


def _jsonl_lines() -> list[str]:
    def record(**fields: object) -> str:
        return json.dumps(fields, ensure_ascii=False)

    def text(country: str, count: str, place: str) -> str:
        return _event_text(country, count, "Monday", place)

    return [
        record(id="good-1", date="2018-03-26", text=text("Germany", "four", "Berlin")),
        "{this is not json",
        "",
        record(id="bad-date-1", date="2018-02-30", text=text("Spain", "two", "Madrid")),
        record(id="good-2", date="2018-03-26T09:30:00Z", text=text("France", "four", "Paris")),
        '["an", "array", "not", "an", "object"]',
        record(id="no-text", date="2018-03-26", title="a record without text"),
        record(id="number-text", date="2018-03-26", text=42),
        record(id="blank-text", date="2018-03-26", text="   \n\t "),
        record(id=["a", "list"], date="2018-03-26", text=text("Italy", "two", "Rome")),
        record(id="bad-date-2", date="not a date", text=text("Ireland", "one", "Dublin")),
        record(id="bad-date-3", date="99999-01-01", text=text("Croatia", "one", "Zagreb")),
        record(id="good-3", text=text("Finland", "one", "Helsinki")),
        record(id="good-4", date="2018-03-27", text="Traffic was light in Helsinki on Tuesday."),
        # The file ends in a record cut off mid-way, as a copy interrupted by a full disk leaves it.
        record(id="cut", date="2018-03-26", text=text("Sweden", "one", "Stockholm"))[:60],
    ]


FOREIGN = {
    "french.txt": (
        "La Pologne expulse quatre diplomates russes\n\n"
        "VARSOVIE — La Pologne a expulsé lundi quatre diplomates russes, a annoncé le ministère "
        "des Affaires étrangères, en solidarité avec le Royaume-Uni après l'empoisonnement de "
        "Salisbury. Moscou a promis de riposter et a convoqué l'ambassadeur polonais.\n"
    ),
    "russian.txt": (
        "Польша высылает четырёх российских дипломатов\n\n"
        "ВАРШАВА — Польша в понедельник выслала четырёх российских дипломатов, сообщил МИД "
        "страны, в знак солидарности с Великобританией после отравления в Солсбери. Москва "
        "пообещала ответить и вызвала польского посла.\n"
    ),
    "arabic.txt": (
        "بولندا تطرد أربعة دبلوماسيين روس\n\n"
        "وارسو - طردت بولندا يوم الاثنين أربعة دبلوماسيين روس، بحسب ما أعلنت وزارة الخارجية، "
        "تضامنا مع بريطانيا بعد حادثة التسميم في سالزبوري. وتعهدت موسكو بالرد واستدعت السفير "
        "البولندي.\n"
    ),
    "chinese.txt": (
        "波兰驱逐四名俄罗斯外交官\n\n"
        "华沙——波兰外交部周一宣布驱逐四名俄罗斯外交官，以声援英国对索尔兹伯里中毒事件的立场。"
        "莫斯科表示将作出回应，并召见了波兰大使。\n"
    ),
}

RUSSIAN_UTF16 = (
    "Латвия высылает российского дипломата\n\n"
    "РИГА — Латвия в понедельник выслала одного российского дипломата, сообщил МИД страны, в "
    "знак солидарности с Великобританией. Москва пообещала ответить.\n"
)


def files() -> dict[str, bytes]:
    """Every committed file of the corpus, by name."""
    utf8 = _event_text("Czech Republic", "three", "Monday", "Prague").encode()
    return {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n   \r\n\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "noise.txt": bytes((i * 167 + 13) % 256 for i in range(2048)),
        # A multi-byte character cut after its first two bytes ("…" is E2 80 A6).
        "truncated-utf8.txt": utf8.rstrip(b"\n") + " Café …".encode()[:-1],
        "latin1.txt": (
            "Date: 2018-03-26\nHungary expels Russian diplomat\n\nHungary's foreign minister "
            "Péter Szijjártó said on Monday that Hungary expelled one Russian diplomat.\n"
        ).encode("latin-1"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE
        + _event_text("Denmark", "two", "Monday", "Copenhagen").encode("utf-16-le"),
        "utf16le-nobom.txt": _event_text("Estonia", "one", "Monday", "Tallinn").encode("utf-16-le"),
        "utf16be-nobom.txt": _event_text("Latvia", "one", "Monday", "Riga").encode("utf-16-be"),
        "broken.html": (
            b"<html><head><title>Lithuania expels Russian diplomats</title><body><div class=art"
            b"<p>Lithuania expelled three Russian diplomats on Monday, the foreign ministry said "
            b"in Vilnius, in solidarity with Britain after the Salisbury poisoning.<p>Moscow "
            b"said it would respond.<div><span></b></i></table>"
        ),
        "nested.html": _nested_html(5000).encode(),
        "scripts-only.html": (
            "<html><head><script>var a = 1;</script></head><body>"
            + "<script>console.log('Poland expelled four Russian diplomats');</script>" * 20
            + "<noscript></noscript><style>p { color: red }</style></body></html>\n"
        ).encode(),
        "impossible-date.txt": (
            b"Date: 2018-02-30\nAlbania expels Russian diplomats\n\nAlbania expelled two Russian "
            b"diplomats on Monday, the foreign ministry said in Tirana.\n"
        ),
        "lines.jsonl": "\n".join(_jsonl_lines()).encode(),
        **{name: text.encode() for name, text in FOREIGN.items()},
        # Without a BOM and mostly not ASCII: NULs only in the spaces' and line breaks' pairs.
        "russian-utf16le-nobom.txt": RUSSIAN_UTF16.encode("utf-16-le"),
        "good-poland.txt": (
            "Date: 2018-03-26\n" + _event_text("Poland", "four", "Monday", "Warsaw")
        ).encode(),
        "good-canada.html": (
            b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Canada expels four "
            b"Russian diplomats</title><meta property='article:published_time' "
            b"content='2018-03-26'></head><body><nav>Home | World</nav><article><h1>Canada "
            b"expels four Russian diplomats</h1><p>Canada expelled four Russian diplomats on "
            b"Monday, the foreign ministry said in Ottawa, in solidarity with Britain after the "
            b"Salisbury poisoning.</p><p>Moscow said it would respond in kind.</p></article>"
            b"<footer>Copyright</footer></body></html>\n"
        ),
    }


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
