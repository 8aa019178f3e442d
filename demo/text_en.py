"""English words for the demo's translated stories (demo.languages.TRANSLATED) and pages.

The English archive itself is demo.text's; these are the originals of the stories every
edition runs, entry for entry as in demo.text_ru and demo.text_de, with headlines in the
archive's title case.
"""

from demo.languages import Forms

NAMES = {
    "estavia": "Estavia", "morvania": "Morvania", "talvoria": "Talvoria", "ardunia": "Ardunia",
    "velmaria": "Velmaria", "nordhavia": "Nordhavia", "serravia": "Serravia",
    "dravonia": "Dravonia",
    "novoluzhsk": "Novoluzhsk", "ust-varensk": "Ust-Varensk", "lebyazhinsk": "Lebyazhinsk",
    "tikhozersk": "Tikhozersk", "kedrogorsk": "Kedrogorsk", "medvezhinsk": "Medvezhinsk",
    "zaozyorinsk": "Zaozyorinsk", "gornoluzhsk": "Gornoluzhsk",
    "varenholm": "Varenholm", "castellara": "Castellara", "port-meridan": "Port Meridan",
    "oskarvik": "Oskarvik", "belmora": "Belmora", "lindenfeld": "Lindenfeld",
    "kelderwick": "Kelderwick", "elvanstad": "Elvanstad",
    "varenka": "Varenka", "sosnovka": "Sosnovka", "kamyshinka": "Kamyshinka",
    "berezovka": "Berezovka",
}  # fmt: skip


def place(key: str) -> Forms:
    return Forms(nom=NAMES[key])


PEOPLE = {
    "marta-eklund": "Marta Eklund", "noor-bakker": "Noor Bakker", "lina-carvalho": "Lina Carvalho",
    "vera-holm": "Vera Holm", "hana-kovac": "Hana Kovač", "agnes-moller": "Agnes Møller",
    "oskar-brandt": "Oskar Brandt", "luis-moreno": "Luis Moreno",
    "jakob-hartmann": "Jakob Hartmann", "marek-dvorak": "Marek Dvořák",
    "samuel-okonkwo": "Samuel Okonkwo", "felix-aalto": "Felix Aalto",
    "yelena-sorokina": "Yelena Sorokina", "pavel-gromov": "Pavel Gromov",
    "irina-belova": "Irina Belova", "sergei-kuznetsov": "Sergei Kuznetsov",
    "olga-zaitseva": "Olga Zaitseva", "nikolai-orlov": "Nikolai Orlov",
    "marina-lebedeva": "Marina Lebedeva", "andrei-volkov": "Andrei Volkov",
}  # fmt: skip

WEEKDAYS = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday",
]  # fmt: skip
MONTHS = [
    "in January", "in February", "in March", "in April", "in May", "in June", "in July",
    "in August", "in September", "in October", "in November", "in December",
]  # fmt: skip
WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 12: "twelve", 14: "fourteen", 15: "fifteen", 20: "twenty",
}  # fmt: skip
SCORES = ["3-1", "3-2", "4-1", "4-2"]


def digits(value: int | str) -> str:
    return value if isinstance(value, str) else f"{value:,}"


def plural(value: int | str, forms: list[str]) -> str:
    one, other = forms
    return one if value == 1 else other


PAGES = {
    "about": (
        "About us",
        """
<p>Newsroom is an independent news website. Our reporters and editors cover world affairs,
society, science, sport and business, and our columnists argue about all of it.</p>
<h2>How we work</h2>
<p>Every story is checked by an editor before it is published. When we get something wrong we
correct it in the open, at the foot of the story. Every photo we print carries its credit and
the licence we use it under.</p>
<h2>Contact the newsroom</h2>
<p>Tips, corrections and complaints: <a href="mailto:desk@example.org">desk@example.org</a>.
To report a typo, select it on the page and press Ctrl+Enter.</p>
""",
    ),
    "advertising": (
        "Advertising",
        """
<p>Reach readers who come to us every day for the news that matters to them.</p>
<h2>Formats</h2>
<ul><li>Display advertising on section fronts and articles</li>
<li>Sponsored newsletters</li><li>Partner content, always clearly labelled</li></ul>
<h2>Get in touch</h2>
<p>Write to <a href="mailto:ads@example.org">ads@example.org</a> for our media kit and rates.</p>
""",
    ),
}

KINDS = {
    "talks": {
        "options": {
            "topic": [
                {"nom": "on fishing rights", "title": "on Fishing Rights"},
                {"nom": "on rail links", "title": "on Rail Links"},
                {
                    "nom": "on sharing water from the Sarn River",
                    "title": "on Sharing Water From the Sarn River",
                },
                {"nom": "on electricity transit", "title": "on Electricity Transit"},
            ],
        },
        "headlines": [
            "{country} and {country2} Resume Talks {topic.title}",
            "{country} and {country2} Return to the Negotiating Table",
        ],
        "lead": "Delegations from {country} and {country2} met in {venue} {day} and agreed to "
        "resume the talks {topic} that broke off {months:~:month/months} ago.",
        "body": [
            "The talks broke down when the two sides could not agree on deadlines and inspection "
            "procedures. Since then trucks have often waited for hours at the border, and the "
            "chambers of commerce in both countries have complained of losses.",
            "\u201cThis is a step in the right direction, but we are still far from an "
            "agreement,\u201d {p1}, head of the {country} delegation, told reporters.",
            "## What Is on the Table",
            "Diplomats said the first meetings would deal with technical questions: the "
            "timetable, who sits on the expert groups and the exchange of data. Political "
            "decisions, if they can be prepared in time, could be taken {month}.",
            [
                "Observers recall that the last round ended without a final document and advise "
                "against expecting quick results.",
                "Neighbouring countries are following the talks closely: the trade routes of the "
                "whole region depend on their outcome.",
            ],
            "## What Comes Next",
            "The opposition in {country} gave the news a guarded welcome and demanded that the "
            "text of any agreement be published before it is signed. The delegations are due to "
            "meet again in {weeks:~:week/weeks}.",
        ],
        "tags": ["Diplomacy", "Talks", "Trade"],
    },
    "border": {
        "headlines": [
            "{country} and {country2} Reopen Border Crossing Closed Since {year}",
            "Border Between {country} and {country2} Open to Trucks Again",
        ],
        "lead": "Trucks and pedestrians crossed the border between {country} and {country2} at "
        "a reopened checkpoint {day} for the first time since {year}. Traders in border towns "
        "hope it will bring their shops back to life.",
        "body": [
            "On the first day {trucks} trucks crossed the border, the customs service said. "
            "Until now hauliers have had to make a detour through a crossing {km} kilometres to "
            "the north.",
            "\u201cFor our market this is a question of survival: half our customers always came "
            "from the other side,\u201d said {p1}, who owns a shop in a border town.",
            "## Why the Crossing Was Closed",
            "The crossing was closed in {year} after a dispute over border controls. Talks on "
            "reopening it dragged on for years and stalled more than once.",
            [
                "For now the crossing is open by day, from eight in the morning to eight in the "
                "evening; it is to open around the clock once the approach road is repaired.",
                "Border guards from both countries have agreed on joint checks, so that vehicles "
                "do not have to queue twice.",
            ],
            "## What Will Change",
            "The chamber of commerce estimates that the reopening will cut delivery times by "
            "several hours. \u201cWhat matters now is that the agreements do not stay on "
            "paper,\u201d said {p2}, an economist from {country}.",
        ],
        "tags": ["Borders", "Trade", "Diplomacy"],
    },
    "heating": {
        "headlines": [
            "Heating Season Starts {early:^} Days Early in {town}",
            "Temperatures Down to Minus {deg}: {town} Turns the Heating On Early",
        ],
        "lead": "Boiler plants in {town} began supplying heat to homes {early:~} days ahead of "
        "schedule {day} after overnight temperatures fell to minus {deg} degrees Celsius. "
        "Schools and hospitals were connected first.",
        "body": [
            "According to the town administration, {buildings} apartment buildings already have "
            "heating. The rest are to be connected within three days unless the network breaks "
            "down.",
            "\u201cWe have been preparing for an early cold snap since the summer: we replaced the "
            "pipes on the oldest stretches and checked every boiler plant,\u201d said {p1}, head "
            "of the town administration.",
            "## Residents' Complaints",
            [
                "In the first hours, residents of several five-storey blocks on the edge of town "
                "called the control room because their radiators were still cold. Repair crews "
                "were sent out.",
                "Residents of the old districts say that in past years they waited weeks for the "
                "heating to come on, and ask that it not be switched off at the first thaw.",
            ],
            "Winter temperatures below minus 30 are nothing unusual in {town}, so reliable "
            "heating here is a matter of survival rather than comfort.",
            "## What It Costs",
            "The early start will cost the town budget more, but the authorities promise that "
            "residents' tariffs will not change. A report on the heating season is due at the end "
            "of the month.",
        ],
        "tags": ["Regions", "Heating", "Utilities"],
    },
    "bridge": {
        "headlines": [
            "{town} Opens Bridge Across the {river}, {years:^} Years Late",
            "New Bridge Across the {river} Links {town} to the Far Bank",
        ],
        "lead": "A new bridge across the {river} opened to traffic in {town} {day}. It was first "
        "promised {years:~} years ago; for people on the far bank, the journey to the regional "
        "centre will now be {hours:~} hours shorter.",
        "body": [
            "The bridge is {metres} metres long and cost {cost} billion roubles to build. Until "
            "now people on the far bank reached town by ferry and, in winter, by an ice road that "
            "closed for several weeks every spring.",
            "\u201cWe have waited for this bridge all our lives. Now you can get to the hospital "
            "in twenty minutes,\u201d said {p1}, a pensioner from a village on the far bank.",
            "## Why It Took So Long",
            "Work stopped several times: first the contractor could not get the permits, then "
            "steel prices rose. In the end the region replaced the contractor and added money from "
            "its own budget.",
            [
                "A scheduled bus will use the bridge, running to the regional centre four times a "
                "day.",
                "The ferry will keep running until the end of the season in case the bridge needs "
                "further work, the administration said.",
            ],
            "## What Comes Next",
            "\u201cThe bridge is not just a road but a chance for the whole district: it will be "
            "easier to bring in doctors and investors,\u201d said {p2}, a member of the regional "
            "legislature.",
        ],
        "tags": ["Regions", "Infrastructure", "Transport"],
    },
    "reopening": {
        "options": {
            "building": [
                {
                    "nom": "the central library",
                    "title": "Central Library",
                    "guests": "readers",
                    "guests_title": "Readers",
                },
                {
                    "nom": "the city museum",
                    "title": "City Museum",
                    "guests": "visitors",
                    "guests_title": "Visitors",
                },
                {
                    "nom": "the concert hall",
                    "title": "Concert Hall",
                    "guests": "concertgoers",
                    "guests_title": "Concertgoers",
                },
            ],
        },
        "headlines": [
            "{city}'s {building.title} Reopens After Renovation",
            "{city}'s {building.title} Welcomes {building.guests_title} Back",
        ],
        "lead": "{building} in {city} reopened {day} after a {months:~}-month renovation. On the "
        "first day {visitors} people came through its doors.",
        "body": [
            "The renovation cost {cost} million euros. Builders replaced the roof and the "
            "heating, strengthened the facade and made the entrance accessible to wheelchair "
            "users.",
            "\u201cThe building was built for the whole city, and we wanted it to belong to "
            "everyone again,\u201d said {p1}, its director.",
            "## What Has Changed",
            [
                "Inside there are new rooms for classes and exhibitions, a café and a children's "
                "room. The old chandeliers and parquet floors have been restored.",
                "The architects have given the building back its historic look: later extensions "
                "were removed from the facade, and old murals were uncovered in the foyer.",
            ],
            "While the building was closed, some classes and concerts moved to schools in "
            "neighbouring districts.",
            "## Plans",
            "In the coming months there will be free guided tours for schoolchildren, and at "
            "weekends the building will stay open until late in the evening.",
        ],
        "tags": ["Culture", "Cities", "Renovation"],
    },
    "species": {
        "headlines": [
            "{found} Species New to Science Found off the Coast of {country}",
            "Expedition {depth} Metres Down Finds New Species of Sea Life",
        ],
        "lead": "Scientists at {city} University have described {found} new species of sea "
        "creatures found at depths of up to {depth} metres off the coast of {country}. They "
        "include crustaceans, starfish and several kinds of coral.",
        "body": [
            "The expedition lasted {weeks:~} weeks. The researchers lowered cameras and robotic "
            "grabs to the seabed and brought several hundred samples on board.",
            "\u201cWe hoped to find something new, but not in such numbers. The seabed at this "
            "depth is less well explored than the surface of the Moon,\u201d said {p1}, who led "
            "the expedition.",
            "## What They Found",
            [
                "One of the finds is a translucent starfish that appears to feed on bacteria "
                "around hot springs on the seabed.",
                "Of particular interest is a small crustacean that glows in the dark: the "
                "scientists want to understand what it needs the light for.",
            ],
            "Describing the species will take years: every sample has to be compared with museum "
            "collections and analysed genetically.",
            "## A Threat to the Seabed",
            "The authors of the study are urging the government of {country} not to issue mining "
            "licences in the area until its ecosystem has been studied.",
        ],
        "tags": ["Science", "Oceans", "Biology"],
    },
    "telescope": {
        "headlines": [
            "{city} Observatory Gets New Telescopes",
            "New Telescopes at {city} Observatory Take Their First Pictures",
        ],
        "lead": "Two new telescopes began work {day} at the mountain observatory {km} kilometres "
        "from {city}. Building them took {years:~} years, and astronomers say the first images "
        "have exceeded their expectations.",
        "body": [
            "The observatory stands almost two thousand metres up, where the air is dry and clear "
            "and the lights of the city do not spoil the view. The new telescopes are many times "
            "more sensitive than the old one, built in the last century.",
            "\u201cWe will be able to see faint and very distant objects that until now only the "
            "world's largest observatories could reach,\u201d said {p1}, the observatory's "
            "director.",
            "## The First Pictures",
            [
                "The first images show a cluster of galaxies whose light has been travelling to "
                "Earth for billions of years.",
                "One of the first targets was a bright comet that can be seen in the sky over the "
                "region these weeks.",
            ],
            "Observing time on the telescopes will be shared among universities; some nights "
            "will go to students and amateur astronomers.",
            "## Dark Skies",
            "\u201cOur biggest threat is not clouds but the light from new housing in the "
            "valley,\u201d admitted {p2}, an astronomer at the observatory. Scientists are asking "
            "local councils to use street lamps that shine only downwards.",
        ],
        "tags": ["Science", "Space", "Astronomy"],
    },
    "runners": {
        "options": {"time": ["1:08:42", "1:10:15", "1:12:37"]},
        "headlines": [
            "Record {runners} Runners Take Part in {city} Half Marathon",
            "{runners} Runners Take to the Streets of {city}",
        ],
        "lead": "A record {runners} runners started the {city} half marathon {day}, more than "
        "ever before. The winner was {p1}, in {time}.",
        "body": [
            "The course ran through the old town and along the waterfront. Several central "
            "streets were closed to cars until midday for the race, and buses were diverted.",
            "\u201cThe last few kilometres were very hard, but the crowd cheered so loudly that "
            "stopping was impossible,\u201d {p1} said at the finish.",
            "## Running for Everyone",
            [
                "The field included professional athletes and beginners running their first "
                "race. The oldest runner was 79.",
                "For the first time the organisers held a separate race for children and one for "
                "wheelchair users.",
            ],
            "There were refreshment points and medical tents along the route. The organisers "
            "said there were no serious injuries.",
            "## The Next Start",
            "Registration for the next race opens {month}. The organisers promise more places so "
            "that everyone who wants to run can take part.",
        ],
        "tags": ["Sport", "Running", "Cities"],
    },
    "rescue": {
        "headlines": [
            "Helicopter Rescues Hikers Stranded in the Mountains Near {city}",
            "Rescue Helicopter Lifts Hikers From {metres} Metres Up",
        ],
        "lead": "Rescuers in a helicopter lifted a group of hikers off a mountainside near "
        "{city} {day} after they lost the trail in fog. There were {hikers:~} people in the "
        "group, and none was seriously hurt.",
        "body": [
            "The hikers called for help by phone when they realised they could not find the way "
            "down. They were about {metres} metres up, where it turned sharply colder towards "
            "evening.",
            "\u201cThey did everything right: they stayed where they were, put on all their warm "
            "clothes and saved their phone battery,\u201d said {p1}, who led the rescue team.",
            "## How the Search Went",
            "The search took {hours:~} hours. Low cloud kept the helicopter on the ground at "
            "first, so a team of rescuers set off on foot.",
            [
                "Two members of the group were taken to hospital in {city} with hypothermia; the "
                "others were checked by doctors and allowed home.",
                "Doctors examined the hikers where the helicopter landed; none needed to go to "
                "hospital.",
            ],
            "## The Rescuers' Advice",
            "\u201cThe weather in the mountains changes in minutes. Check the forecast before you "
            "set out and tell someone where you are going,\u201d said {p2}, a spokesperson for the "
            "mountain rescue service.",
        ],
        "tags": ["Rescue", "Mountains", "Emergency Services"],
    },
    "port": {
        "headlines": [
            "Port of {city} Handles a Record {boxes} Containers",
            "Cargo Through the Port of {city} Up {growth} Percent",
        ],
        "lead": "The port of {city} handled {boxes} containers in the first half of the year, "
        "{growth} percent more than a year earlier, the port authority said {day}. It is a "
        "record in the port's history.",
        "body": [
            "New shipping lines and an automated terminal opened last year drove the growth. "
            "Unloading a ship now takes almost a third less time.",
            "\u201cCompanies are moving their routes to us because things here are faster and more "
            "predictable,\u201d said {p1}, the port's director.",
            "## Queues at the Gates",
            [
                "The record has a downside: at peak times trucks queue for several kilometres "
                "outside the port gates.",
                "People in the coastal districts complain about noise and trucks driving through "
                "at night.",
            ],
            "The port plans to build {berths:~} more berths and a rail spur so that some cargo "
            "can leave by train.",
            "## The Risks",
            "\u201cGrowth could slow if world trade falters again,\u201d warned {p2}, an economist "
            "who studies shipping.",
        ],
        "tags": ["Markets", "Ports", "Trade"],
    },
}
