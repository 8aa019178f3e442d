"""Demo stories in the other editions' languages, and translations of one story into several.

A story kind (KINDS) names its section, the subject of its photo (demo.text.SUBJECTS) and
the facts it needs: places, people, numbers, choices. The words are in one module per
language (demo.text_ru, demo.text_de; demo.text_en for the kinds whose stories also run in
English), kind for kind with the same shape: as many headlines, body entries, alternatives
and tags in each. Facts are drawn once, in no language, and each language renders them; a
linked translation is therefore the same story (the same names, places and numbers), told
by a writer of that language rather than produced by a machine.

Slot values are never inflected by code beyond three regular patterns of invented names
(the Russian cases of "Эставия", "Новолужск" and "Варенка", declined by text_ru): a sentence
asks for the form it needs ("в {town.prep}"), and anything else irregular is written out in
the language module, phrase by phrase, in the case the sentence wants.
"""

import functools
import html
import importlib
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import ModuleType

from django.utils import timezone

# The languages with demo words; each module imports Forms from here, hence the lazy import.
LANGUAGE_MODULES = {"en": "demo.text_en", "ru": "demo.text_ru", "de": "demo.text_de"}


@functools.cache
def language(code: str) -> ModuleType:
    return importlib.import_module(LANGUAGE_MODULES[code])


@dataclass(frozen=True)
class Place:
    """An invented place of one kind (country, town, city, river), a different one per slot."""

    kind: str


@dataclass(frozen=True)
class Person:
    """Someone quoted: from the international pool or the Russian one (the Russia desk's)."""

    pool: str


@dataclass(frozen=True)
class Choice:
    """One of the kind's own options, written out in each language (its "options")."""

    count: int


@dataclass(frozen=True)
class MonthAhead:
    """A month a little after the story's publication ("in May"), low to high months on."""

    low: int
    high: int


@dataclass(frozen=True)
class Kind:
    section: str
    subject: str | None  # a column has none: it leads with its columnist
    facts: dict = field(default_factory=dict)  # slot: Place, Person, Choice, MonthAhead, numbers
    once: bool = False  # a column is argued once per edition, not in every town


COUNTRY, TOWN, CITY, RIVER = Place("country"), Place("town"), Place("city"), Place("river")
WORLD, RUSSIAN = Person("world"), Person("russia")

# The places every language names (text_*.place()), and the people it spells (text_*.PEOPLE):
# id and gender; the Russian pool is quoted in stories from Russia's regions. None shares a
# name with the newsroom's staff or photographers (demo.text.person_names).
PLACES = {
    "country": [
        "estavia", "morvania", "talvoria", "ardunia", "velmaria", "nordhavia", "serravia",
        "dravonia",
    ],
    "town": [
        "novoluzhsk", "ust-varensk", "lebyazhinsk", "tikhozersk", "kedrogorsk", "medvezhinsk",
        "zaozyorinsk", "gornoluzhsk",
    ],
    "city": [
        "varenholm", "castellara", "port-meridan", "oskarvik", "belmora", "lindenfeld",
        "kelderwick", "elvanstad",
    ],
    "river": ["varenka", "sosnovka", "kamyshinka", "berezovka"],
}  # fmt: skip
PEOPLE = {
    "world": {
        "marta-eklund": "f", "noor-bakker": "f", "lina-carvalho": "f", "vera-holm": "f",
        "hana-kovac": "f", "agnes-moller": "f", "oskar-brandt": "m", "luis-moreno": "m",
        "jakob-hartmann": "m", "marek-dvorak": "m", "samuel-okonkwo": "m", "felix-aalto": "m",
    },
    "russia": {
        "yelena-sorokina": "f", "pavel-gromov": "m", "irina-belova": "f", "sergei-kuznetsov": "m",
        "olga-zaitseva": "f", "nikolai-orlov": "m", "marina-lebedeva": "f", "andrei-volkov": "m",
    },
}  # fmt: skip

EARLY = 10  # o'clock: a story published before then tells of the day before
SCORES = 4  # text_*.SCORES: a home win, written as each language writes a score

KINDS: dict[str, Kind] = {
    # world
    "talks": Kind("world", "talks", {
        "country": COUNTRY, "country2": COUNTRY, "venue": CITY, "topic": Choice(4),
        "months": (3, 4, 6, 9), "weeks": (3, 4, 5, 6), "p1": WORLD, "month": MonthAhead(2, 4),
    }),
    "ballots": Kind("world", "ballots", {
        "country": COUNTRY, "pct": (38, 46, 57, 61, 70, 85), "turnout": (48, 53, 57, 64),
        "leader": Choice(3), "p1": WORLD, "p2": WORLD,
    }),
    "border": Kind("world", "border", {
        "country": COUNTRY, "country2": COUNTRY, "year": ("2016", "2017", "2018", "2019", "2020"),
        "trucks": (120, 180, 250, 340), "km": (40, 65, 90), "p1": WORLD, "p2": WORLD,
    }),
    # russia
    "heating": Kind("russia", "heating", {
        "town": TOWN, "early": (5, 7, 10, 12), "deg": (12, 15, 18, 21, 25, 27),
        "buildings": (340, 560, 780, 1200), "p1": RUSSIAN,
    }),
    "bridge": Kind("russia", "bridge", {
        "town": TOWN, "river": RIVER, "years": (3, 4, 5, 6), "metres": (320, 450, 580, 740),
        "cost": ("1.2", "1.8", "2.5", "3.1"), "hours": (2, 3), "p1": RUSSIAN, "p2": RUSSIAN,
    }),
    "clinic": Kind("russia", "clinic", {
        "town": TOWN, "n": (40, 65, 80, 120, 150), "payment": ("1.5", "2"), "p1": RUSSIAN,
        "p2": RUSSIAN,
    }),
    # society
    "bus": Kind("society", "bus", {
        "city": CITY, "group": Choice(3), "cost": (12, 18, 25), "riders": (30000, 45000, 60000),
        "p1": WORLD, "month": MonthAhead(1, 3),
    }),
    "foodbank": Kind("society", "foodbank", {
        "city": CITY, "banks": (3, 4, 5, 6), "families": (800, 1200, 1500, 2300),
        "rise": (30, 40, 55, 60), "p1": WORLD, "p2": WORLD,
    }),
    "reopening": Kind("society", "reopening", {
        "city": CITY, "building": Choice(3), "months": (9, 10, 14, 15, 20),
        "cost": ("4.5", "7.2", "11"), "visitors": (1200, 2500, 3800), "p1": WORLD,
    }),
    # opinion: columns, each argued once
    "streets": Kind("opinion", None, {"city": CITY, "pct": (30, 40, 45)}, once=True),
    "local-news": Kind("opinion", None, {"city": CITY, "papers": (12, 15, 20)}, once=True),
    "night-buses": Kind("opinion", None, {"city": CITY, "shifts": (8000, 11000)}, once=True),
    # science
    "species": Kind("science", "species", {
        "country": COUNTRY, "city": CITY, "depth": (800, 1200, 1900, 2600),
        "found": (12, 17, 23, 31), "weeks": (5, 6, 7), "p1": WORLD,
    }),
    "telescope": Kind("science", "telescope", {
        "city": CITY, "km": (40, 65, 90), "years": (5, 6, 7, 8), "p1": WORLD, "p2": WORLD,
    }),
    "wildlife": Kind("science", "wildlife", {
        "city": CITY, "volunteers": (150, 240, 360), "pairs": (1800, 2600, 4100),
        "rise": (12, 18, 25), "kinds": (35, 48, 56), "p1": WORLD,
    }),
    # sport
    "hattrick": Kind("sport", "hattrick", {
        "home": CITY, "away": CITY, "score": Choice(SCORES), "minute": (71, 78, 84, 88),
        "p1": Person("players"), "p2": WORLD,
    }),
    "runners": Kind("sport", "runners", {
        "city": CITY, "runners": (4200, 6500, 8800, 12000), "time": Choice(3),
        "p1": WORLD, "month": MonthAhead(1, 2),
    }),
    "overtime": Kind("sport", "overtime", {
        "home": CITY, "away": CITY, "minute": (3, 6, 9, 14), "crowd": (5400, 7100, 9800),
        "p1": Person("players"), "p2": WORLD,
    }),
    # incidents
    "fire": Kind("incidents", "fire", {
        "city": CITY, "area": (600, 900, 1500, 2000), "crews": (12, 18, 24),
        "hours": (3, 4, 5, 6), "p1": WORLD,
    }),
    "rescue": Kind("incidents", "rescue", {
        "city": CITY, "hikers": (3, 4, 5, 6), "metres": (1400, 1800, 2100), "hours": (5, 6, 7),
        "p1": WORLD, "p2": WORLD,
    }),
    "road": Kind("incidents", "road", {
        "city": CITY, "km": (40, 60, 85), "days": (3, 4, 5), "tonnes": (600, 900, 1500),
        "p1": WORLD,
    }),
    # business
    "rates": Kind("business", "rates", {
        "country": COUNTRY, "rate": ("4.5", "5.25", "6.75", "7.5"),
        "inflation": ("4.8", "5.6", "6.1", "7.3"), "p1": WORLD, "p2": WORLD,
        "month": MonthAhead(1, 2),
    }),
    "port": Kind("business", "port", {
        "city": CITY, "boxes": (410000, 520000, 640000, 780000), "growth": (8, 12, 15, 19),
        "berths": (2, 3), "p1": WORLD, "p2": WORLD,
    }),
    "investors": Kind("business", "investors", {
        "city": CITY, "amount": (12, 18, 25, 40), "product": Choice(3), "staff": (40, 60, 85),
        "p1": WORLD,
    }),
}  # fmt: skip

# Stories told in every edition, English first: ten kinds, one story each, linked as
# translations. None leads with the subject of a hand-made story (demo.stories), which
# keeps the subject's first photo for itself.
TRANSLATED = [
    "talks", "border", "heating", "bridge", "reopening", "species", "telescope", "runners",
    "rescue", "port",
]  # fmt: skip


class Forms:
    """A word's forms by case (ru: nom, gen, dat, acc, ins, prep); printed, the nominative."""

    def __init__(self, **forms: str):
        self.__dict__.update(forms)

    def __format__(self, spec: str) -> str:
        return self.nom

    def __str__(self) -> str:
        return self.nom


@dataclass(frozen=True)
class Number:
    """A number as its language prints it.

    "{n}" prints the digits; "{n:~}" the word (for the small numbers that take one), "{n:^}"
    the word capitalised (for a headline in title case); after a colon, the noun's forms
    separated by "/" (ru: one/few/many, de and en: one/other), of which the language picks
    the one that agrees with the number: "{n:человек/человека/человек}", "{n:~:week/weeks}".
    """

    value: int | str
    lang: ModuleType

    def __format__(self, spec: str) -> str:
        style, forms = (spec[0], spec[2:]) if spec[:1] in ("~", "^") else ("", spec)
        if style:
            number = self.lang.WORDS[self.value]
            number = number[:1].upper() + number[1:] if style == "^" else number
        else:
            number = self.lang.digits(self.value)
        if not forms:
            return number
        return f"{number}\u00a0{self.lang.plural(self.value, forms.split('/'))}"


@dataclass(frozen=True)
class Speaker:
    """Someone quoted: "{p1}" their name, "{p1:last}" the surname, "{p1:he/she}" by gender."""

    name: str
    gender: str

    def __format__(self, spec: str) -> str:
        if not spec:
            return self.name
        if spec == "last":
            return self.name.split()[-1]
        male, female = spec.split("/")
        return female if self.gender == "f" else male


@dataclass
class Facts:
    """One story's facts, in no language: what every language renders the same."""

    kind: str
    values: dict  # slot: place or person id, number, option index
    headline: int  # which of the kind's headlines
    alternatives: list[int]  # for each body entry with alternatives, which one
    tags: list[int]  # which of the kind's tags
    weekday: int = 0  # of the day the story reports (Monday 0), from its publication time
    month: int = 1  # of publication

    @property
    def spec(self) -> Kind:
        return KINDS[self.kind]

    def dated(self, published_at: datetime) -> "Facts":
        local = timezone.localtime(published_at)
        # Published early in the morning, a story reports what happened the day before.
        day = local - timedelta(days=1) if local.hour < EARLY else local
        self.weekday, self.month = day.weekday(), local.month
        return self

    def used(self) -> set:
        """What its kind's next story avoids: the places and people in it (in any slot), its
        figures and options (in the same slot)."""
        sources = self.spec.facts
        return {
            value if isinstance(sources[slot], Place | Person) else (slot, value)
            for slot, value in self.values.items()
        }


def shape(code: str, kind: str) -> tuple[int, tuple[int, ...], int, dict[str, int]]:
    """How many headlines, alternatives per body entry, tags and options the kind has in a
    language: the same in every language (tests/test_seed_demo.py checks), so that one draw
    of facts fits them all."""
    text = language(code).KINDS[kind]
    alternatives = tuple(len(entry) for entry in text["body"] if isinstance(entry, list))
    options = {slot: len(values) for slot, values in text.get("options", {}).items()}
    return len(text["headlines"]), alternatives, len(text["tags"]), options


def draw(kind: str, rng: random.Random, *, avoid: set = frozenset(), use: int = 0) -> Facts:
    """Facts for one story of the kind; `avoid` holds what its earlier stories printed
    (Facts.used), and the `use`-th story of a kind takes the next of its headlines."""
    spec = KINDS[kind]
    values, taken = {}, set(avoid)
    for slot, source in spec.facts.items():
        if isinstance(source, Place | Person):
            pool = PLACES[source.kind] if isinstance(source, Place) else people(source.pool)
            fresh = [key for key in pool if key not in taken]
            # Every place of the kind, or everyone quoted, used up by the kind's earlier
            # stories: a town seen before, a voice heard before, beats no story (though not
            # the story's own other town or speaker).
            values[slot] = rng.choice(fresh or [key for key in pool if key not in values.values()])
            taken.add(values[slot])
        elif isinstance(source, Choice):
            values[slot] = fresh_choice(rng, slot, range(source.count), avoid)
        elif isinstance(source, MonthAhead):
            values[slot] = rng.randint(source.low, source.high)
        else:
            values[slot] = fresh_choice(rng, slot, source, avoid)
    headlines, alternatives, tags, _ = shape("ru", kind)
    return Facts(
        kind=kind,
        values=values,
        headline=use % headlines,
        alternatives=[rng.randrange(count) for count in alternatives],
        tags=sorted(rng.sample(range(tags), rng.randint(min(2, tags), tags))),
    )


def fresh_choice(rng: random.Random, slot: str, options, avoid: set):
    """One of the options the kind's earlier stories did not print, while there is one."""
    return rng.choice([option for option in options if (slot, option) not in avoid] or options)


def translated() -> dict[str, Facts]:
    """The facts of the stories every edition runs (TRANSLATED), the same on every run."""
    return {kind: draw(kind, random.Random(f"translated/{kind}")) for kind in TRANSLATED}


def edition_plan(code: str, count: int, *, linked: dict[str, Facts]) -> list[Facts]:
    """The facts of an edition's own stories, newest first, the same on every run.

    Its columns once each, then the news kinds in turn, the least told first (a linked
    story counts as told). Told in rounds, each kind's first story, then each kind's second
    (a linked kind starts a round late), so that the newest stories, which the home page
    and the fronts lead with, are of as many kinds as there are. Each story avoids what its
    kind's earlier ones printed and takes the next of its headlines.
    """
    rng = random.Random(f"edition/{code}")
    columns = [kind for kind, spec in KINDS.items() if spec.once][:count]
    news = [kind for kind, spec in KINDS.items() if not spec.once]
    rng.shuffle(news)
    told = Counter({kind: 1 for kind in linked})
    own = Counter()
    for _ in range(count - len(columns)):
        kind = min(news, key=lambda kind: told[kind])  # the first of the least told
        told[kind] += 1
        own[kind] += 1
    rounds = [(rng.randrange(3), rng.random(), kind) for kind in columns]
    for kind, stories in own.items():
        late = 1 if kind in linked else 0
        rounds += [(late + story, rng.random(), kind) for story in range(stories)]
    avoid = defaultdict(set, {kind: facts.used() for kind, facts in linked.items()})
    uses = Counter(linked.keys())
    plan = []
    for index, (_, _, kind) in enumerate(sorted(rounds)):
        facts = draw(kind, random.Random(f"{code}/{index}"), avoid=avoid[kind], use=uses[kind])
        avoid[kind] |= facts.used()
        uses[kind] += 1
        plan.append(facts)
    return plan


def people(pool: str) -> list[str]:
    # The footballers and ice hockey players in the stories play in men's teams.
    if pool == "players":
        return [key for key, gender in PEOPLE["world"].items() if gender == "m"]
    return list(PEOPLE[pool])


def gender(person: str) -> str:
    return next(pool[person] for pool in PEOPLE.values() if person in pool)


@dataclass
class Rendered:
    headline: str
    lead: str
    body: str  # HTML: paragraphs and <h2> subheadings
    tags: list[str]


def render(facts: Facts, code: str) -> Rendered:
    """The story in one language."""
    lang = language(code)
    text = lang.KINDS[facts.kind]
    fills = localize(facts, lang, text.get("options", {}))
    parts, alternatives = [], iter(facts.alternatives)
    for entry in text["body"]:
        if isinstance(entry, list):
            entry = entry[next(alternatives)]
        if entry.startswith("## "):
            parts.append(f"<h2>{html.escape(fill(entry[3:], fills), quote=False)}</h2>")
        else:
            parts.append(f"<p>{html.escape(fill(entry, fills), quote=False)}</p>")
    return Rendered(
        headline=fill(text["headlines"][facts.headline], fills),
        lead=fill(text["lead"], fills),
        body="\n".join(parts),
        tags=[text["tags"][index] for index in facts.tags],
    )


def fill(template: str, fills: dict) -> str:
    text = template.format_map(fills)
    return text[:1].upper() + text[1:]


def localize(facts: Facts, lang: ModuleType, options: dict) -> dict:
    """The facts as the language says them, for str.format_map."""
    fills = {"day": lang.WEEKDAYS[facts.weekday]}
    for slot, source in facts.spec.facts.items():
        value = facts.values[slot]
        if isinstance(source, Place):
            fills[slot] = lang.place(value)
        elif isinstance(source, Person):
            fills[slot] = Speaker(lang.PEOPLE[value], gender(value))
        elif isinstance(source, Choice):
            option = (lang.SCORES if slot == "score" else options[slot])[value]
            fills[slot] = Forms(**option) if isinstance(option, dict) else option
        elif isinstance(source, MonthAhead):
            fills[slot] = lang.MONTHS[(facts.month - 1 + value) % 12]
        else:
            fills[slot] = Number(value, lang)
    return fills


def caption(code: str, subject: str, variant: int = 0) -> str:
    """What a take of the subject's photo shows (demo.text.caption), in the language."""
    lang = language(code)
    return lang.LOOKS[variant].format(caption=lang.CAPTIONS[subject])


def story_kind(code: str, headline: str) -> str | None:
    """The kind of a story told in the language, known by its headline's fixed words."""
    for kind, text in language(code).KINDS.items():
        for template in text["headlines"]:
            words = [part for part in _fixed_words(template) if part]
            if words and all(word.lower() in headline.lower() for word in words):
                return kind
    return None


def _fixed_words(template: str) -> list[str]:
    """The template's text outside its {slots}."""
    words, depth, current = [], 0, ""
    for char in template:
        if char == "{":
            depth += 1
            words.append(current.strip())
            current = ""
        elif char == "}":
            depth -= 1
        elif not depth:
            current += char
    return [*words, current.strip()]
