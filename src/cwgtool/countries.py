"""Member State names → ISO 3166-1 alpha-3, as ITU documents write them.

pycountry gives the maintained ISO list (short, official and common names); ITU texts also
use inverted-name forms turned around ("Islamic Republic of Iran"), long forms ("Federal
Republic of Germany") and everyday names ("Russia", "UK", "Syria"). Matching is
case-sensitive on purpose: country names are proper nouns, and "chad" or "turkey" in lower
case are not Member States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Everyday and ITU forms that pycountry does not list. Values are ISO alpha-3 codes.
ALIASES: dict[str, str] = {
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "UK": "GBR",
    "United Kingdom": "GBR",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "Great Britain": "GBR",
    "USA": "USA",
    "US": "USA",
    "United States": "USA",
    "United States of America": "USA",
    "Iran": "IRN",
    "Islamic Republic of Iran": "IRN",
    "Syria": "SYR",
    "Syrian Arab Republic": "SYR",
    "Republic of Korea": "KOR",
    "Korea (Rep. of)": "KOR",
    "South Korea": "KOR",
    "Democratic People's Republic of Korea": "PRK",
    "North Korea": "PRK",
    "Federal Republic of Germany": "DEU",
    "Kingdom of Saudi Arabia": "SAU",
    "Saudi Arabia": "SAU",
    "People's Republic of China": "CHN",
    "China": "CHN",
    "Viet Nam": "VNM",
    "Vietnam": "VNM",
    "Venezuela": "VEN",
    "Bolivia": "BOL",
    "Tanzania": "TZA",
    "United Republic of Tanzania": "TZA",
    "Moldova": "MDA",
    "Republic of Moldova": "MDA",
    "Czech Republic": "CZE",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Laos": "LAO",
    "Lao P.D.R.": "LAO",
    "Democratic Republic of the Congo": "COD",
    "DR Congo": "COD",
    "Republic of the Congo": "COG",
    "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV",
    "Ivory Coast": "CIV",
    "Holy See": "VAT",
    "Vatican": "VAT",
    "Palestine": "PSE",
    "Micronesia": "FSM",
    "Brunei": "BRN",
    "Cape Verde": "CPV",
    "Swaziland": "SWZ",
    "Macedonia": "MKD",
    "North Macedonia": "MKD",
    "Kyrgyzstan": "KGZ",
    "Slovak Republic": "SVK",
    "The Netherlands": "NLD",
    "Netherlands": "NLD",
    "The Gambia": "GMB",
    "Gambia": "GMB",
    "Bahamas": "BHS",
    "UAE": "ARE",
    "United Arab Emirates": "ARE",
    "Kingdom of Bahrain": "BHR",
    "Kingdom of Morocco": "MAR",
    "Arab Republic of Egypt": "EGY",
    "Egypt": "EGY",
    "Republic of Kenya": "KEN",
    "Federative Republic of Brazil": "BRA",
    "Republic of Belarus": "BLR",
    "Republic of India": "IND",
    "Republic of Indonesia": "IDN",
    "Argentine Republic": "ARG",
    "Republic of Azerbaijan": "AZE",
    "State of Kuwait": "KWT",
    "State of Qatar": "QAT",
    "Sultanate of Oman": "OMN",
}

# Names that are also ordinary words or names in running text; matched only in full forms.
_AMBIGUOUS = {"Jersey", "Georgia", "Jordan", "Chad", "Guernsey", "Man", "Niue", "Norfolk Island", "Wallis and Futuna"}


@dataclass(frozen=True, slots=True)
class CountryMention:
    name: str  # as written
    iso3: str
    start: int
    end: int

    def relative_to(self, start: int) -> CountryMention:
        """The same mention in the piece of the text that begins at ``start``."""
        return CountryMention(self.name, self.iso3, self.start - start, self.end - start)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every name a Member State goes by, mapped to its ISO3 code."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            names.setdefault(value, c.alpha_3)
            if ", " in value:  # "Iran, Islamic Republic of" → "Islamic Republic of Iran"
                head, tail = value.split(", ", 1)
                names.setdefault(f"{tail} {head}", c.alpha_3)
                names.setdefault(head, c.alpha_3)
                # the UN/ITU list form: "Iran (Islamic Republic of)", "Congo (Democratic Republic of the)"
                names.setdefault(f"{head} ({tail})", c.alpha_3)
                names.setdefault(f"{head} ({tail.removeprefix('The ')})", c.alpha_3)
            if value.startswith("the "):
                names.setdefault(value[4:], c.alpha_3)
    names.update(ALIASES)
    for name, code in list(names.items()):  # Word writes the apostrophe curly: "Côte d’Ivoire"
        if "'" in name:
            names.setdefault(name.replace("'", "\u2019"), code)
    for word in _AMBIGUOUS:
        names.pop(word, None)
    names["Georgia"] = "GEO"  # a Member State name used as such in ITU records
    names["Jordan"] = "JOR"
    names["Chad"] = "TCD"
    return names


def iso3(name: str) -> str | None:
    """ISO3 code for a Member State name (short, long or everyday form), or None."""
    cleaned = " ".join(name.split()).removeprefix("the ").removeprefix("The ")
    return _table().get(cleaned)


def trie_source(words: list[str], end: str = "") -> str:
    """Regex source matching, at a position, the longest of ``words`` followed by ``end``.

    The words as a trie rather than one alternative each: the engine then tests one character
    per branch instead of trying every word at every position (10x faster on the records for
    the 455 country names). Continuations come before a word's end, so the longest word that
    fits wins, as in an alternation sorted longest first.
    """
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def source(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + source(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(end)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return source(root)


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    """Every name (optionally after "the "), not inside a longer word: the names as a trie."""
    names_source = trie_source(list(_table()), r"(?![\w-])")
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?P<name>{names_source})")


def find_countries(text: str) -> list[CountryMention]:
    """Every Member State named in ``text``, in order of appearance."""
    names = _table()
    return [
        CountryMention(m["name"], names[m["name"]], m.start("name"), m.end("name"))
        for m in _scanner().finditer(text)
    ]


def short_name(code: str) -> str:
    """The everyday English name for an ISO3 code (for display)."""
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or getattr(c, "name", code) if c else code
