"""The German edition's demo words: stories by kind (demo.languages), sections, pages.

Invented places keep one form ("in Varenholm", "die Regierung von Estavien"); a country's
genitive is the only inflected form a sentence asks for ("{country.gen}": "Estaviens").
Articles and endings that vary with a choice are written out in the kind's options.
"""

from demo import text_en
from demo.languages import Forms

# The foreign cities keep their own names, as in English; the countries, and the towns
# and rivers of Russia, take their German forms.
NAMES = {
    **text_en.NAMES,
    "estavia": "Estavien", "morvania": "Morvanien", "talvoria": "Talvorien",
    "ardunia": "Ardunien", "velmaria": "Velmarien", "nordhavia": "Nordhavien",
    "serravia": "Serravien", "dravonia": "Dravonien",
    "novoluzhsk": "Nowoluschsk", "ust-varensk": "Ust-Warensk", "lebyazhinsk": "Lebjaschinsk",
    "tikhozersk": "Tichosersk", "kedrogorsk": "Kedrogorsk", "medvezhinsk": "Medweschinsk",
    "zaozyorinsk": "Saosjorinsk", "gornoluzhsk": "Gornoluschsk",
    "varenka": "Warenka", "sosnovka": "Sosnowka", "kamyshinka": "Kamyschinka",
    "berezovka": "Berjosowka",
}  # fmt: skip


def place(key: str) -> Forms:
    return Forms(nom=NAMES[key], gen=NAMES[key] + "s")


# The world's people as English spells them; the Russian pool in German transliteration.
PEOPLE = {
    **text_en.PEOPLE,
    "yelena-sorokina": "Jelena Sorokina", "pavel-gromov": "Pawel Gromow",
    "irina-belova": "Irina Belowa", "sergei-kuznetsov": "Sergej Kusnezow",
    "olga-zaitseva": "Olga Saizewa", "nikolai-orlov": "Nikolai Orlow",
    "marina-lebedeva": "Marina Lebedewa", "andrei-volkov": "Andrej Wolkow",
}  # fmt: skip

WEEKDAYS = [
    "am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag", "am Samstag",
    "am Sonntag",
]  # fmt: skip
MONTHS = [
    "im Januar", "im Februar", "im März", "im April", "im Mai", "im Juni", "im Juli",
    "im August", "im September", "im Oktober", "im November", "im Dezember",
]  # fmt: skip
WORDS = {
    2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun",
    10: "zehn", 12: "zwölf", 14: "vierzehn", 15: "fünfzehn", 20: "zwanzig",
}  # fmt: skip
SCORES = ["3:1", "3:2", "4:1", "4:2"]


def digits(value: int | str) -> str:
    """German print: a decimal comma; thousands set off by a point from five digits on."""
    if isinstance(value, str):
        return value.replace(".", ",")
    return f"{value:,}".replace(",", ".") if value >= 10000 else str(value)


plural = text_en.plural  # one/other, as in English


SECTIONS = {
    "world": ("Welt", "Internationale Nachrichten, Diplomatie und Wahlen – aus Hauptstädten und "
              "Grenzorten."),
    "russia": ("Russland", "Nachrichten aus Russlands Regionen, von städtischen Haushalten bis "
               "zum Leben im hohen Norden."),
    "society": ("Gesellschaft", "Wohnen, Schule, Gesundheit und die Alltagsfragen, die unser "
                "Leben prägen."),
    "opinion": ("Meinung", "Kolumnen, Kommentare und Debattenbeiträge unserer Autorinnen, "
                "Autoren und Gäste."),
    "science": ("Wissenschaft", "Entdeckungen, Forschung und die Menschen dahinter – vom "
                "fernen Weltall bis zur Tiefsee."),
    "sport": ("Sport", "Ergebnisse, Transfers und die Geschichten hinter den Zahlen, von der "
              "Kreisliga an aufwärts."),
    "incidents": ("Panorama", "Brände, Unfälle und Notfälle – und die Arbeit der "
                  "Einsatzkräfte."),
    "business": ("Wirtschaft", "Unternehmen, Märkte, Arbeitsplätze und die Entscheidungen, die "
                 "im Haushalt ankommen."),
}  # fmt: skip

CAPTIONS = {
    "talks": "Die Delegationen nehmen am Verhandlungstisch Platz.",
    "ballots": "Wahlhelfer zählen nach Schließung der Wahllokale die Stimmzettel.",
    "border": "Lastwagen warten am Grenzübergang, während sich die Schranke hebt.",
    "heating": "Dampf über dem Heizwerk: Die Wärme erreicht die verschneiten Wohnblocks.",
    "bridge": "Die neue Brücke über den Fluss am Tag ihrer Eröffnung.",
    "clinic": "Eine Dorfambulanz, die in diesem Jahr neues Personal bekommen soll.",
    "bus": "Fahrgäste steigen an einer Haltestelle im Zentrum in einen Stadtbus.",
    "foodbank": "Ehrenamtliche packen in einer neuen Tafel gespendete Lebensmittel in Kisten.",
    "reopening": "Die restaurierte Fassade des Gebäudes nach der Sanierung.",
    "species": "Meerestiere am Meeresgrund, wo die Expedition die neuen Arten entdeckte.",
    "telescope": "Die Teleskope der Sternwarte unter klarem Nachthimmel.",
    "wildlife": "Vögel über einem Feuchtgebiet, in dem Freiwillige jedes Jahr die Bestände zählen.",
    "hattrick": "Der Ball zappelt im Netz: das dritte Tor des Hattricks.",
    "runners": "Läuferinnen und Läufer füllen kurz nach dem Start die Straße.",
    "overtime": "Kampf um den Puck vor dem Siegtor in der Verlängerung.",
    "fire": "Feuerwehrleute löschen von einer Drehleiter aus, Rauch quillt aus dem Dach.",
    "rescue": "Ein Rettungshubschrauber über den Hügeln während der Suche.",
    "road": "Geröll und Schlamm bedecken die Straße unterhalb des Hangs.",
    "rates": "Das Gebäude der Zentralbank am Tag der Zinsentscheidung.",
    "port": "Kräne beladen im Hafen ein Containerschiff.",
    "investors": "Das Büro des Start-ups, das mit dem Geld der Investoren wachsen soll.",
}
LOOKS = [
    "{caption}",
    "Früh am Morgen. {caption}",
    "{caption} Aufgenommen am späten Nachmittag.",
    "Bei Nacht. {caption}",
]

PAGES = {
    "about": (
        "Über uns",
        """
<p>Newsroom ist ein unabhängiges Nachrichtenportal. Unsere Reporterinnen und Reporter berichten
über das Weltgeschehen, Gesellschaft, Wissenschaft, Sport und Wirtschaft, und unsere
Kolumnistinnen und Kolumnisten streiten über all das.</p>
<h2>Wie wir arbeiten</h2>
<p>Jeder Beitrag wird vor der Veröffentlichung von der Redaktion geprüft. Wenn uns ein Fehler
unterläuft, korrigieren wir ihn offen am Ende des Beitrags. Jedes Foto trägt seinen
Bildnachweis und die Lizenz, unter der wir es verwenden.</p>
<h2>Kontakt zur Redaktion</h2>
<p>Hinweise, Korrekturen und Beschwerden: <a href="mailto:desk@example.org">desk@example.org</a>.
Einen Tippfehler melden Sie, indem Sie ihn auf der Seite markieren und Strg+Enter drücken.</p>
""",
    ),
    "advertising": (
        "Werbung",
        """
<p>Erreichen Sie Leserinnen und Leser, die jeden Tag zu uns kommen, um die Nachrichten zu
lesen, die für sie zählen.</p>
<h2>Formate</h2>
<ul><li>Display-Werbung auf Ressortseiten und in Artikeln</li>
<li>Gesponserte Newsletter</li><li>Partnerinhalte, immer deutlich gekennzeichnet</li></ul>
<h2>Kontakt</h2>
<p>Schreiben Sie an <a href="mailto:ads@example.org">ads@example.org</a>, dann schicken wir
Ihnen unsere Mediadaten und Preise.</p>
""",
    ),
}

# The stories, kind by kind, entry for entry as in demo.text_ru.
KINDS = {
    "talks": {
        "options": {
            "topic": [
                "über Fischereirechte",
                "über Bahnverbindungen",
                "über die Aufteilung des Wassers aus dem Fluss Sarn",
                "über den Stromtransit",
            ],
        },
        "headlines": [
            "{country} und {country2} nehmen Verhandlungen {topic} wieder auf",
            "{country} und {country2} kehren an den Verhandlungstisch zurück",
        ],
        "lead": "Die Delegationen {country.gen} und {country2.gen} haben sich {day} in {venue} "
        "getroffen und vereinbart, die vor {months:~:Monat/Monaten} abgebrochenen Verhandlungen "
        "{topic} fortzusetzen.",
        "body": [
            "Die Gespräche waren abgebrochen worden, als sich beide Seiten nicht auf Fristen und "
            "Kontrollverfahren einigen konnten. Seitdem stehen Lastwagen an der Grenze oft "
            "stundenlang, und die Handelskammern beider Länder klagen über Verluste.",
            "„Das ist ein Schritt in die richtige Richtung, aber von einem Abkommen sind wir noch "
            "weit entfernt“, sagte {p1}, {p1:Leiter/Leiterin} der Delegation {country.gen}, vor "
            "Journalisten.",
            "## Worüber verhandelt wird",
            "Nach Angaben von Diplomaten sollen sich die ersten Treffen um technische Fragen "
            "drehen: den Zeitplan, die Besetzung der Expertengruppen und den Austausch von Daten. "
            "Politische Entscheidungen könnten, wenn sie bis dahin vorbereitet sind, {month} "
            "fallen.",
            [
                "Beobachter erinnern daran, dass die letzte Runde ohne Abschlussdokument endete, "
                "und raten, keine schnellen Ergebnisse zu erwarten.",
                "Die Nachbarländer verfolgen die Gespräche genau: Von ihrem Ausgang hängen die "
                "Handelswege der ganzen Region ab.",
            ],
            "## Wie es weitergeht",
            "Die Opposition in {country} reagierte zurückhaltend und verlangte, den Text eines "
            "Abkommens vor der Unterzeichnung zu veröffentlichen. Das nächste Treffen der "
            "Delegationen ist in {weeks:~:Woche/Wochen} geplant.",
        ],
        "tags": ["Diplomatie", "Verhandlungen", "Handel"],
    },
    "ballots": {
        "options": {
            "leader": [
                {"nom": "das Oppositionsbündnis", "gen": "des Oppositionsbündnisses"},
                {"nom": "die Regierungspartei", "gen": "der Regierungspartei"},
                {"nom": "die Zentrumsallianz", "gen": "der Zentrumsallianz"},
            ],
        },
        "headlines": [
            "Wahl in {country}: Nach Auszählung von {pct} Prozent liegt {leader} vorn",
            "{leader} führt bei der Parlamentswahl in {country}",
        ],
        "lead": "Nach Auszählung von {pct} Prozent der Stimmzettel liegt bei der "
        "Parlamentswahl in {country} {leader} vorn, wie die Wahlkommission {day} mitteilte. Der "
        "Abstand ist jedoch kleiner, als die Umfragen vorhergesagt hatten.",
        "body": [
            "Die Wahlbeteiligung lag bei {turnout} Prozent und damit höher als bei der letzten "
            "Wahl. Vor den Wahllokalen in den großen Städten bildeten sich schon am Morgen "
            "Schlangen, in mehreren Wahlkreisen wurde die Abstimmung um eine Stunde verlängert.",
            "„Wir rufen alle dazu auf, das amtliche Ergebnis abzuwarten und keine voreiligen "
            "Erklärungen abzugeben“, sagte {p1}, {p1:Vorsitzender/Vorsitzende} der "
            "Wahlkommission.",
            "## Umstrittene Wahlkreise",
            [
                "Wahlbeobachter meldeten Unregelmäßigkeiten in einigen ländlichen Wahlkreisen, "
                "die nach ihrer Einschätzung das Gesamtergebnis aber nicht beeinflussen konnten.",
                "Internationale Beobachter nannten die Abstimmung ruhig und gut organisiert, "
                "bemängelten aber überfüllte Wahllokale.",
            ],
            "Von den Ergebnissen in einigen Wahlkreisen hängt ab, ob der Sieger ohne Koalition "
            "regieren kann. Das Endergebnis will die Kommission innerhalb einer Woche "
            "bekanntgeben.",
            "## Reaktionen",
            "„Die Menschen haben für einen Wandel gestimmt, und wir haben das gehört“, sagte {p2}, "
            "{p2:ein führender Politiker/eine führende Politikerin} {leader.gen}, vor Anhängern.",
        ],
        "tags": ["Wahlen", "Politik", "Demokratie"],
    },
    "border": {
        "headlines": [
            "{country} und {country2} öffnen seit {year} geschlossenen Grenzübergang",
            "Grenze zwischen {country} und {country2} wieder offen für Lastwagen",
        ],
        "lead": "Zum ersten Mal seit {year} haben {day} Lastwagen und Fußgänger die Grenze "
        "zwischen {country} und {country2} an einem wiedereröffneten Übergang passiert. Händler "
        "in den Grenzstädten hoffen, dass in ihren Läden wieder Leben einkehrt.",
        "body": [
            "Am ersten Tag fuhren nach Angaben des Zolls {trucks} Lastwagen über die Grenze. "
            "Bisher mussten Spediteure einen Umweg über einen Übergang {km} Kilometer weiter "
            "nördlich nehmen.",
            "„Für unseren Markt geht es ums Überleben: Die Hälfte der Kundschaft kam immer von "
            "der anderen Seite“, sagte {p1}, {p1:Inhaber/Inhaberin} eines Ladens in einer "
            "Grenzstadt.",
            "## Warum der Übergang geschlossen war",
            "Der Übergang war {year} nach einem Streit über die Grenzkontrollen geschlossen "
            "worden. Die Verhandlungen über die Wiedereröffnung zogen sich über Jahre hin und "
            "gerieten mehrmals in eine Sackgasse.",
            [
                "Vorerst ist der Übergang tagsüber von acht bis zwanzig Uhr geöffnet; rund um die "
                "Uhr soll er nach der Sanierung der Zufahrtsstraße arbeiten.",
                "Die Grenzbeamten beider Länder haben gemeinsame Kontrollen vereinbart, damit "
                "Fahrzeuge nicht zweimal Schlange stehen müssen.",
            ],
            "## Was sich ändert",
            "Nach Schätzung der Handelskammer verkürzt die Öffnung die Lieferzeiten um mehrere "
            "Stunden. „Jetzt kommt es darauf an, dass die Vereinbarungen nicht nur auf dem "
            "Papier stehen“, sagte {p2}, {p2:Ökonom/Ökonomin} aus {country}.",
        ],
        "tags": ["Grenzen", "Handel", "Diplomatie"],
    },
    "heating": {
        "headlines": [
            "{town} heizt {early:~:Tag/Tage} früher als geplant",
            "Bis zu minus {deg} Grad: {town} beginnt die Heizperiode vorzeitig",
        ],
        "lead": "Die Heizwerke in {town} haben {day} begonnen, die Wohnungen "
        "{early:~:Tag/Tage} früher als geplant mit Wärme zu versorgen: Nachts war das "
        "Thermometer auf minus {deg} Grad gefallen. Zuerst wurden Schulen und Krankenhäuser "
        "angeschlossen.",
        "body": [
            "Nach Angaben der Stadtverwaltung werden bereits {buildings} Wohnhäuser beheizt. Die "
            "übrigen Gebäude sollen innerhalb von drei Tagen folgen, sofern es im Netz keine "
            "Störungen gibt.",
            "„Wir haben uns seit dem Sommer auf einen frühen Kälteeinbruch vorbereitet, die Rohre "
            "in den ältesten Abschnitten ersetzt und alle Heizwerke geprüft“, sagte {p1}, "
            "{p1:Leiter/Leiterin} der Stadtverwaltung.",
            "## Beschwerden der Bewohner",
            [
                "In den ersten Stunden riefen Bewohner mehrerer fünfstöckiger Wohnblocks am "
                "Stadtrand in der Leitstelle an, weil ihre Heizkörper kalt blieben. "
                "Reparaturtrupps rückten aus.",
                "Bewohner der alten Viertel sagen, in früheren Jahren hätten sie wochenlang auf "
                "die Heizung gewartet, und bitten darum, sie beim ersten Tauwetter nicht wieder "
                "abzustellen.",
            ],
            "Im Winter sind Temperaturen unter minus 30 Grad in {town} nichts Ungewöhnliches; "
            "eine verlässliche Heizung ist hier eine Frage des Überlebens, nicht des Komforts.",
            "## Was das kostet",
            "Der vorzeitige Start kostet den städtischen Haushalt mehr, doch die Behörden "
            "versprechen, dass die Tarife für die Bewohner gleich bleiben. Ein Bericht über den "
            "Verlauf der Heizperiode soll Ende des Monats erscheinen.",
        ],
        "tags": ["Regionen", "Heizung", "Versorgung"],
    },
    "bridge": {
        "headlines": [
            "{town} eröffnet Brücke über die {river} – mit {years:~:Jahr/Jahren} Verspätung",
            "Neue Brücke über die {river} verbindet {town} mit dem anderen Ufer",
        ],
        "lead": "In {town} ist {day} die neue Brücke über die {river} für den Verkehr "
        "freigegeben worden. Versprochen worden war sie schon vor {years:~:Jahr/Jahren}; für "
        "die Bewohner des anderen Ufers wird der Weg in die Gebietshauptstadt nun um "
        "{hours:~:Stunde/Stunden} kürzer.",
        "body": [
            "Die Brücke ist {metres} Meter lang, ihr Bau hat {cost} Milliarden Rubel gekostet. "
            "Bisher kamen die Bewohner des anderen Ufers mit der Fähre in die Stadt und im "
            "Winter über eine Eispiste, die jedes Frühjahr für mehrere Wochen gesperrt wurde.",
            "„Wir haben unser ganzes Leben auf diese Brücke gewartet. Jetzt ist man in zwanzig "
            "Minuten im Krankenhaus“, sagte {p1}, {p1:ein Rentner/eine Rentnerin} aus einem Dorf "
            "am anderen Ufer.",
            "## Warum der Bau so lange dauerte",
            "Die Arbeiten wurden mehrmals unterbrochen: Zuerst bekam die Baufirma die "
            "Genehmigungen nicht, dann stiegen die Stahlpreise. Schließlich wechselte die "
            "Gebietsverwaltung die Firma und gab zusätzliches Geld aus ihrem Haushalt.",
            [
                "Über die Brücke soll ein Linienbus fahren, der viermal am Tag in die "
                "Gebietshauptstadt verkehrt.",
                "Die Fähre bleibt bis zum Ende der Saison in Betrieb, falls an der Brücke noch "
                "nachgebessert werden muss, teilte die Verwaltung mit.",
            ],
            "## Wie es weitergeht",
            "„Die Brücke ist nicht nur eine Straße, sondern eine Chance für den ganzen Bezirk: "
            "Ärzte und Investoren kommen jetzt leichter hierher“, sagte {p2}, "
            "{p2:Abgeordneter/Abgeordnete} des Gebietsparlaments.",
        ],
        "tags": ["Regionen", "Infrastruktur", "Verkehr"],
    },
    "clinic": {
        "headlines": [
            "{n} neue Ärzte und Feldscher für die Landkliniken im Gebiet {town}",
            "Gebiet {town}: Wohnung und {payment} Millionen Rubel für Ärzte, die aufs Land ziehen",
        ],
        "lead": "Insgesamt {n} Ärzte und Feldscher haben zugesagt, in Landkrankenhäusern und "
        "Sanitätsstationen im Gebiet {town} zu arbeiten, teilte das regionale "
        "Gesundheitsministerium {day} mit. Jeder bekommt eine Dienstwohnung und eine Prämie von "
        "{payment} Millionen Rubel.",
        "body": [
            "Das Programm ist auf drei Jahre angelegt. Die Fachkräfte verpflichten sich, "
            "mindestens fünf Jahre auf dem Land zu arbeiten; wer früher geht, muss einen Teil "
            "der Prämie zurückzahlen.",
            "„Früher kam in manche Dörfer einmal im Monat ein Arzt. Jetzt haben die Menschen "
            "ihren eigenen Doktor in der Nähe“, sagte {p1}, "
            "{p1:Gesundheitsminister/Gesundheitsministerin} des Gebiets.",
            "## Wer kommt",
            [
                "Die meisten Teilnehmer sind junge Ärztinnen und Ärzte, die gerade ihre "
                "Facharztausbildung abgeschlossen haben. Es kommen aber auch erfahrene Mediziner "
                "aus {town} und anderen Städten des Gebiets.",
                "Unter den neuen Kräften sind viele Feldscher: Sie werden in Stationen arbeiten, "
                "in denen es seit Jahren kein medizinisches Personal gab.",
            ],
            "Im Gebiet fehlen rund dreihundert Mediziner, am meisten in abgelegenen Bezirken, wo "
            "man bis zum nächsten Krankenhaus mehr als eine Stunde fährt.",
            "## Zweifel",
            "„Wohnung und Geld sind gut, aber die Leute brauchen auch eine Schule, eine Straße "
            "und Internet“, sagte {p2}, {p2:Chefarzt/Chefärztin} eines Kreiskrankenhauses.",
        ],
        "tags": ["Regionen", "Gesundheit", "Medizin"],
    },
    "bus": {
        "options": {
            "group": [
                {"nom": "Rentner"},
                {"nom": "Studierende"},
                {"nom": "Schülerinnen und Schüler"},
            ],
        },
        "headlines": [
            "{city}: {group} fahren künftig kostenlos Bus",
            "Freie Fahrt für {group} in {city}",
        ],
        "lead": "Schon {month} sollen {group} in {city} kostenlos mit den Stadtbussen fahren "
        "können, teilte die städtische Verkehrsbehörde {day} mit. Bezahlt wird das Programm mit "
        "höheren Parkgebühren in der Innenstadt.",
        "body": [
            "Nach Schätzung der Behörde kostet das Programm die Stadt {cost} Millionen Euro im "
            "Jahr. Nutzen können es rund {riders} Menschen.",
            "„Für viele geht es nicht um Bequemlichkeit, sondern darum, ob sie überhaupt noch aus "
            "dem Haus kommen“, sagte {p1}, Mitglied des Stadtrats.",
            "## Wer bezahlt",
            "Die Parkgebühren in der Innenstadt steigen um etwa ein Drittel. Ladenbesitzer "
            "fürchten, dass ihre Kundschaft seltener ins Zentrum kommt; im Rathaus glaubt man "
            "dagegen, dass viele auf den Bus umsteigen werden.",
            [
                "Die Verkehrsbetriebe bitten darum, auf den vollsten Linien schon jetzt mehr "
                "Busse einzusetzen: Zur Hauptverkehrszeit sind sie bereits überfüllt.",
                "Ein ähnliches Programm gibt es in einer Nachbarstadt seit zwei Jahren; dort ist "
                "die Zahl der Fahrgäste um fast ein Fünftel gestiegen.",
            ],
            "## So gibt es den Fahrausweis",
            "Den kostenlosen Fahrausweis bekommt man in jedem Bürgerbüro gegen Vorlage eines "
            "Ausweises. Anträge werden ab zwei Wochen vor dem Start des Programms angenommen.",
        ],
        "tags": ["Verkehr", "Stadt", "Soziales"],
    },
    "foodbank": {
        "headlines": [
            "Ehrenamtliche eröffnen {banks:~:neue Tafel/neue Tafeln} in {city}",
            "Nachfrage nach kostenlosen Lebensmitteln in {city} um {rise} Prozent gestiegen",
        ],
        "lead": "Ehrenamtliche und Kirchengemeinden haben {day} in {city} "
        "{banks:~:neue Tafel/neue Tafeln} eröffnet. Nach ihren Angaben ist die Nachfrage nach "
        "kostenlosen Lebensmitteln binnen eines Jahres um {rise} Prozent gestiegen: Immer mehr "
        "Familien können Miete, Strom und Essen kaum noch bezahlen.",
        "body": [
            "Derzeit holen jede Woche rund {families} Familien ein Lebensmittelpaket ab. Früher "
            "waren es vor allem Arbeitslose, heute kommen immer öfter Menschen, die eine Arbeit "
            "haben.",
            "„Wir sehen Krankenschwestern, Busfahrer, junge Eltern. Die Löhne kommen mit den "
            "Preisen einfach nicht mit“, sagte {p1}, {p1:Koordinator/Koordinatorin} der "
            "Ehrenamtlichen.",
            "## Woher die Lebensmittel kommen",
            "Die Lebensmittel spenden Geschäfte und Bauern aus der Gegend, aber auch Bürgerinnen "
            "und Bürger der Stadt. Am meisten fehlen nach Angaben der Helfer Getreideprodukte, "
            "Konserven und Babynahrung.",
            [
                "Der Stadtrat hat versprochen, bis Jahresende Räume für zwei weitere "
                "Ausgabestellen bereitzustellen.",
                "Die neuen Ausgabestellen haben abends und am Wochenende geöffnet, damit auch "
                "Berufstätige kommen können.",
            ],
            "## Hilfe im Winter",
            "„Der Winter wird schwer: Die Heizkosten steigen, und die Schlangen werden länger“, "
            "warnte {p2}, {p2:Direktor/Direktorin} der städtischen Stiftung für Bedürftige.",
        ],
        "tags": ["Gesellschaft", "Ehrenamt", "Preise"],
    },
    "reopening": {
        "options": {
            "building": [
                {"nom": "die Stadtbibliothek", "guests": "Leserinnen und Leser"},
                {"nom": "das Stadtmuseum", "guests": "Besucher"},
                {"nom": "der Konzertsaal", "guests": "Konzertgäste"},
            ],
        },
        "headlines": [
            "In {city} öffnet {building} nach der Sanierung wieder",
            "{building} in {city} empfängt wieder {building.guests}",
        ],
        "lead": "{building} in {city} hat {day} nach einer {months:~}monatigen Sanierung wieder "
        "geöffnet. Am ersten Tag kamen {visitors} Menschen.",
        "body": [
            "Die Sanierung hat {cost} Millionen Euro gekostet. Die Handwerker haben das Dach und "
            "die Heizung erneuert, die Fassade gesichert und einen barrierefreien Eingang "
            "gebaut.",
            "„Das Haus wurde für die ganze Stadt gebaut, und wir wollten, dass es wieder allen "
            "gehört“, sagte {p1}, {p1:Direktor/Direktorin} des Hauses.",
            "## Was neu ist",
            [
                "Innen gibt es neue Räume für Kurse und Ausstellungen, ein Café und ein "
                "Kinderzimmer. Die alten Kronleuchter und das Parkett wurden restauriert.",
                "Die Architekten haben dem Gebäude sein historisches Aussehen zurückgegeben: "
                "Spätere Anbauten wurden entfernt, im Foyer kamen alte Wandmalereien wieder zum "
                "Vorschein.",
            ],
            "Während das Gebäude geschlossen war, fanden Kurse und Konzerte zum Teil in Schulen "
            "benachbarter Stadtteile statt.",
            "## Pläne",
            "In den kommenden Monaten gibt es hier kostenlose Führungen für Schulklassen, und am "
            "Wochenende bleibt das Haus bis spät abends geöffnet.",
        ],
        "tags": ["Kultur", "Stadt", "Sanierung"],
    },
    "streets": {
        "headlines": [
            "Gebt die Straßen den Fußgängern zurück",
            "Eine Stadt für Menschen, nicht für Autos",
        ],
        "lead": "Jedes Mal, wenn in {city} vorgeschlagen wird, auch nur eine Straße für Autos zu "
        "sperren, werden dieselben Ängste laut. Die Erfahrung anderer Städte zeigt, dass sie "
        "unbegründet sind.",
        "body": [
            "Als der Hauptplatz vor einigen Jahren zur Fußgängerzone wurde, sagten die "
            "Ladenbesitzer ihren Ruin voraus. Drei Jahre später ist der Umsatz am Platz "
            "gestiegen, und es gibt weniger leere Schaufenster.",
            "Es geht nicht um Liebe zum Fahrrad oder Abneigung gegen Autofahrer. Eine Straße, in "
            "der man gern zu Fuß geht, ist eine Straße, in der Menschen verweilen, ins Café gehen "
            "und Bekannte treffen.",
            "## Zahlen, die niemand sehen will",
            "Nach Angaben des städtischen Verkehrsamts sind rund {pct} Prozent der Autofahrten in "
            "der Innenstadt kürzer als drei Kilometer. Viele davon ließen sich in einer halben "
            "Stunde zu Fuß erledigen, wenn die Gehwege nicht an jeder Kreuzung abbrächen.",
            [
                "Fußgängerstraßen lösen nicht alle Probleme, aber sie geben einer Stadt etwas, "
                "das man nicht kaufen kann: gemeinsam verbrachte Zeit.",
                "Niemand will Autos verbieten. Es geht darum, dass ein Fußgänger in der "
                "Innenstadt wenigstens so viel Platz hat wie ein geparktes Auto.",
            ],
            "## Womit man anfangen kann",
            "Anfangen kann man klein: breitere Gehwege vor Schulen, sichere Übergänge und eine "
            "Straße, die am Wochenende autofrei ist. Gefällt das Experiment den Bewohnern nicht, "
            "lässt es sich jederzeit beenden.",
        ],
        "tags": ["Kolumnen", "Stadt", "Verkehr"],
    },
    "local-news": {
        "headlines": [
            "Lokale Nachrichten sind kein Luxus",
            "Wer erzählt von unserer Stadt, wenn die letzte Zeitung schließt?",
        ],
        "lead": "In unserer Region haben in den vergangenen Jahren "
        "{papers:~:Zeitung/Zeitungen} aufgegeben. {city} droht ohne eigene Redaktion "
        "dazustehen – und das betrifft nicht nur Journalisten.",
        "body": [
            "Wenn eine Lokalzeitung verschwindet, geht niemand mehr zu den Sitzungen des "
            "Stadtrats und liest die Haushaltspläne. Studien aus verschiedenen Ländern zeigen, "
            "dass danach die öffentlichen Ausgaben steigen und die Wahlbeteiligung sinkt.",
            "Große Medien können Lokaljournalisten nicht ersetzen: Ihnen fehlen die Leute und die "
            "Zeit, um herauszufinden, warum in einem Stadtteil seit drei Jahren eine Brücke nicht "
            "repariert wird.",
            "## Wer für Nachrichten bezahlt",
            "Die Werbung ist ins Internet abgewandert, das alte Modell funktioniert nicht mehr. "
            "Doch Leserinnen und Leser sind bereit zu zahlen, wenn sie sehen, dass eine Redaktion "
            "über sie und für sie schreibt.",
            [
                "In einigen Städten haben Abonnenten ihre Lokalzeitung gerettet, indem sie "
                "Miteigentümer wurden.",
                "Manche Redaktionen überleben dank Stiftungen und Spenden, ohne ihre "
                "Unabhängigkeit zu verlieren.",
            ],
            "## Was wir tun können",
            "Abonnieren Sie eine Lokalzeitung, auch wenn Sie sie nicht oft lesen. Es ist der "
            "billigste Weg zu wissen, was vor Ihrem Fenster geschieht.",
        ],
        "tags": ["Kolumnen", "Medien", "Gesellschaft"],
    },
    "night-buses": {
        "headlines": ["Die Stadt braucht Nachtbusse", "Wer um drei Uhr nachts nach Hause fährt"],
        "lead": "Pflegekräfte, Reinigungskräfte, Bäcker und Wachleute arbeiten, während die "
        "Stadt schläft. In {city} kommen sie nachts noch immer nicht mit dem Bus nach Hause.",
        "body": [
            "Der letzte Bus verlässt die Innenstadt gegen Mitternacht. Wer später Feierabend hat, "
            "muss ein Taxi nehmen, das einen spürbaren Teil des Lohns kostet, oder lange durch "
            "dunkle Straßen laufen.",
            "Nach Schätzung der Gewerkschaften beginnen in der Stadt jede Nacht rund {shifts} "
            "Menschen ihre Schicht. Das ist keine kleine Gruppe, sondern ein ganzer Stadtteil, den "
            "die Verkehrspolitik schlicht vergessen hat.",
            "## Was das kostet",
            "Ein paar Nachtlinien auf den Hauptstraßen kosten weniger, als man denkt: Die Busse "
            "sind schon da, und den Nachtzuschlag der Fahrer kann die Stadt ausgleichen.",
            [
                "Nachtbusse helfen nicht nur Beschäftigten. Auch Studierende, Konzertbesucher und "
                "Cafégäste würden seltener selbst fahren.",
                "In Städten mit Nachtlinien gibt es nicht mehr Beschwerden über Lärm, aber "
                "weniger nächtliche Unfälle.",
            ],
            "## Mit einer Linie anfangen",
            "Die Stadt sollte wenigstens für ein halbes Jahr eine Nachtlinie einrichten und die "
            "Fahrgäste zählen. Ich glaube, die Zahlen werden selbst Skeptiker überzeugen.",
        ],
        "tags": ["Kolumnen", "Verkehr", "Stadt"],
    },
    "species": {
        "headlines": [
            "Vor der Küste {country.gen} {found:bisher unbekannte Art/bisher unbekannte Arten} "
            "entdeckt",
            "Expedition in {depth} Meter Tiefe findet neue Arten von Meerestieren",
        ],
        "lead": "Forschende der Universität {city} haben {found:neue Art/neue Arten} von "
        "Meerestieren beschrieben, die in bis zu {depth} Metern Tiefe vor der Küste "
        "{country.gen} gefunden wurden. Darunter sind Krebstiere, Seesterne und mehrere "
        "Korallenarten.",
        "body": [
            "Die Expedition dauerte {weeks:~:Woche/Wochen}. Die Forschenden ließen Kameras und "
            "Robotergreifer auf den Meeresboden hinab und holten mehrere hundert Proben an Bord.",
            "„Wir hatten gehofft, etwas Neues zu finden, aber nicht in dieser Menge. Der "
            "Meeresboden in dieser Tiefe ist schlechter erforscht als die Oberfläche des "
            "Mondes“, sagte {p1}, {p1:Leiter/Leiterin} der Expedition.",
            "## Was gefunden wurde",
            [
                "Einer der Funde ist ein durchscheinender Seestern, der sich offenbar von "
                "Bakterien an heißen Quellen am Meeresgrund ernährt.",
                "Besonderes Interesse weckte ein kleiner Krebs, der im Dunkeln leuchtet: Die "
                "Forschenden wollen verstehen, wozu er das Licht braucht.",
            ],
            "Die Beschreibung der Arten wird Jahre dauern: Jede Probe muss mit "
            "Museumssammlungen verglichen und genetisch untersucht werden.",
            "## Gefahr für den Meeresboden",
            "Die Autorinnen und Autoren der Studie fordern die Regierung {country.gen} auf, in "
            "dem Gebiet keine Lizenzen für den Abbau von Rohstoffen zu vergeben, solange sein "
            "Ökosystem nicht erforscht ist.",
        ],
        "tags": ["Wissenschaft", "Ozeane", "Biologie"],
    },
    "telescope": {
        "headlines": [
            "Sternwarte von {city} bekommt neue Teleskope",
            "Neue Teleskope der Sternwarte von {city} liefern erste Bilder",
        ],
        "lead": "In der Bergsternwarte {km} Kilometer von {city} entfernt haben {day} zwei neue "
        "Teleskope den Betrieb aufgenommen. Der Bau dauerte {years:~:Jahr/Jahre}; die ersten "
        "Aufnahmen haben nach Angaben der Astronomen die Erwartungen übertroffen.",
        "body": [
            "Die Sternwarte liegt auf fast zweitausend Metern Höhe, wo die Luft trocken und klar "
            "ist und die Lichter der Stadt die Beobachtungen nicht stören. Die neuen Teleskope "
            "sind um ein Vielfaches empfindlicher als das alte aus dem vergangenen Jahrhundert.",
            "„Wir können jetzt schwache und sehr weit entfernte Objekte sehen, die bisher nur den "
            "größten Sternwarten der Welt zugänglich waren“, sagte {p1}, {p1:Direktor/Direktorin} "
            "der Sternwarte.",
            "## Die ersten Bilder",
            [
                "Die ersten Aufnahmen zeigen einen Galaxienhaufen, dessen Licht Milliarden Jahre "
                "zur Erde unterwegs war.",
                "Eines der ersten Objekte war ein heller Komet, der in diesen Wochen am Himmel "
                "über der Region zu sehen ist.",
            ],
            "Die Beobachtungszeit an den Teleskopen wird unter den Universitäten aufgeteilt; "
            "einige Nächte gehen an Studierende und Hobbyastronomen.",
            "## Dunkler Himmel",
            "„Unsere größte Gefahr sind nicht Wolken, sondern das Licht der neuen Siedlungen im "
            "Tal“, räumte {p2}, {p2:Astronom/Astronomin} der Sternwarte, ein. Die Forschenden "
            "bitten die Gemeinden, Straßenlaternen zu verwenden, die nur nach unten leuchten.",
        ],
        "tags": ["Wissenschaft", "Weltraum", "Astronomie"],
    },
    "wildlife": {
        "headlines": [
            "Vogelzählung bei {city}: {rise} Prozent mehr Brutpaare",
            "Ehrenamtliche zählen {kinds} Vogelarten in den Mooren bei {city}",
        ],
        "lead": "An einem Wochenende haben {volunteers} Ehrenamtliche die Vögel in den Mooren "
        "und an den Seen bei {city} gezählt. Sie kamen auf rund {pairs} Brutpaare – {rise} "
        "Prozent mehr als vor einem Jahr.",
        "body": [
            "Insgesamt notierten die Freiwilligen {kinds} Vogelarten. Am häufigsten waren Enten, "
            "Reiher und Möwen, doch es tauchten auch seltene Arten auf, die hier seit vielen "
            "Jahren nicht mehr gesehen worden waren.",
            "„Die Moore erholen sich, seit hier kein Torf mehr abgebaut wird und das Wasser "
            "zurückgekehrt ist“, sagte {p1}, {p1:Ornithologe und Leiter/Ornithologin und "
            "Leiterin} der Zählung.",
            "## Wie man Vögel zählt",
            "Gezählt wird jedes Jahr an denselben Tagen und auf denselben Routen. So lassen sich "
            "die Daten verschiedener Jahre vergleichen, und Fehler einzelner Beobachter gleichen "
            "sich aus.",
            [
                "Zum ersten Mal trugen die Freiwilligen ihre Beobachtungen in eine App ein, und "
                "erste Ergebnisse lagen schon am Sonntagabend vor.",
                "Viele kamen mit der ganzen Familie zur Zählung; der jüngste Beobachter war acht "
                "Jahre alt.",
            ],
            "## Wie es weitergeht",
            "Die Fachleute warnen, dass ein gutes Jahr noch keinen Trend macht. Der "
            "Abschlussbericht mit Daten zu jeder Art erscheint im Frühjahr.",
        ],
        "tags": ["Natur", "Umwelt", "Wissenschaft"],
    },
    "hattrick": {
        "headlines": [
            "{p1} erzielt Hattrick im Spiel {home} gegen {away}",
            "{home} schlägt {away} {score} – {p1} trifft dreimal",
        ],
        "lead": "{p1}, Stürmer von {home}, hat {day} dreimal gegen {away} getroffen; seine "
        "Mannschaft gewann {score}. Sein drittes Tor erzielte er in der {minute}. Minute.",
        "body": [
            "Die erste Halbzeit war ausgeglichen, nach der Pause übernahmen die Gastgeber die "
            "Initiative. Zwei Tore erzielte {p1:last} aus kurzer Distanz, das dritte mit einem "
            "Freistoß.",
            "„Ich weiß nicht mehr, wann ich zuletzt dreimal in einem Spiel getroffen habe. Aber "
            "das Wichtigste ist der Sieg der Mannschaft“, sagte {p1:last} nach dem Spiel.",
            "## Stimmen nach dem Spiel",
            "{p2}, {p2:Cheftrainer/Cheftrainerin} von {home}, lobte den Stürmer für seine Geduld: "
            "„Er hat das ganze Spiel auf seine Chance gewartet und sie genutzt.“",
            [
                "Mit dem Sieg rücken die Gastgeber in die obere Tabellenhälfte vor.",
                "Die Gäste haben nun dreimal in Folge verloren, und auf den Rängen werden die "
                "Rufe nach Veränderungen lauter.",
            ],
            "## Wie es weitergeht",
            "Das nächste Spiel bestreitet {home} in einer Woche auswärts.",
        ],
        "tags": ["Sport", "Fußball", "Meisterschaft"],
    },
    "runners": {
        "options": {"time": ["1:08:42", "1:10:15", "1:12:37"]},
        "headlines": [
            "Rekord beim Halbmarathon in {city}: {runners} Teilnehmer am Start",
            "{runners} Läuferinnen und Läufer auf den Straßen von {city}",
        ],
        "lead": "Beim Stadthalbmarathon in {city} sind {day} {runners} Läuferinnen und Läufer "
        "gestartet – so viele wie nie zuvor. Den Sieg holte sich {p1} in {time} Stunden.",
        "body": [
            "Die Strecke führte durch die Altstadt und am Ufer entlang. Wegen des Laufs waren "
            "mehrere Straßen im Zentrum bis zum Mittag für Autos gesperrt, die Busse fuhren "
            "Umleitungen.",
            "„Die letzten Kilometer waren sehr hart, aber die Zuschauer haben so laut gejubelt, "
            "dass Aufhören unmöglich war“, sagte {p1} im Ziel.",
            "## Laufen für alle",
            [
                "Unter den Teilnehmern waren Profis ebenso wie Neulinge, für die es der erste "
                "Lauf war. Der älteste Läufer war 79 Jahre alt.",
                "Zum ersten Mal gab es einen eigenen Lauf für Kinder und einen für Menschen im "
                "Rollstuhl.",
            ],
            "Entlang der Strecke gab es Verpflegungsstände und Sanitätszelte. Nach Angaben der "
            "Veranstalter gab es keine ernsthaften Verletzungen.",
            "## Der nächste Start",
            "Die Anmeldung für den nächsten Lauf beginnt {month}. Die Veranstalter wollen mehr "
            "Startplätze anbieten, damit alle Interessierten dabei sein können.",
        ],
        "tags": ["Sport", "Laufen", "Stadt"],
    },
    "overtime": {
        "headlines": [
            "{p1} schießt {home} in der Verlängerung zum Sieg",
            "Eishockey: {home} gegen {away} in der Verlängerung entschieden",
        ],
        "lead": "Die Eishockeyspieler von {home} haben {day} {away} in der Verlängerung "
        "besiegt: In der {minute}. Minute der Verlängerung traf {p1}. Das Spiel sahen {crowd} "
        "Zuschauer.",
        "body": [
            "Die reguläre Spielzeit endete unentschieden. Die Gäste gingen zweimal in Führung, "
            "doch die Gastgeber glichen jedes Mal aus.",
            "„In der Verlängerung entscheidet ein einziger Fehler. Heute haben sie ihn gemacht, "
            "nicht wir“, sagte {p1:last}.",
            "## Spannendes Ende",
            [
                "In den letzten Minuten des dritten Drittels spielten die Gäste in Überzahl, "
                "doch der Torhüter der Gastgeber parierte mehrere gefährliche Schüsse.",
                "Eine Minute vor dem Ende der regulären Spielzeit traf der Puck den Pfosten des "
                "Gastgebertors, und auf den Rängen wurde es für einen Moment still.",
            ],
            "{p2}, {p2:Cheftrainer/Cheftrainerin} von {home}, nannte den Sieg verdient, räumte "
            "aber ein, dass der Mannschaft Disziplin fehle.",
            "## In der Tabelle",
            "Es war der dritte Sieg der Gastgeber in Folge. Das nächste Spiel steht in drei "
            "Tagen an.",
        ],
        "tags": ["Sport", "Eishockey", "Meisterschaft"],
    },
    "fire": {
        "headlines": [
            "Großbrand in Lagerhalle in {city}: Feuer erfasst {area} Quadratmeter",
            "Feuerwehr kämpft {hours:~:Stunde/Stunden} gegen Brand in Lagerhalle in {city}",
        ],
        "lead": "{day} ist in einer Lagerhalle im Gewerbegebiet von {city} ein Feuer "
        "ausgebrochen. Die Flammen erfassten rund {area} Quadratmeter; verletzt wurde niemand, "
        "wie die Feuerwehr mitteilte.",
        "body": [
            "Im Einsatz waren {crews} Löschzüge. Die Löscharbeiten dauerten "
            "{hours:~:Stunde/Stunden}: Starker Wind und Verpackungsmaterial, das mit dichtem "
            "schwarzem Rauch brannte, erschwerten die Arbeit.",
            "„Wir konnten das Feuer stoppen, bevor es auf die Nachbargebäude übergriff“, sagte "
            "{p1}, {p1:Sprecher/Sprecherin} der Feuerwehr.",
            "## Anwohner sollten die Fenster schließen",
            "Während der Löscharbeiten wurden die Bewohner der umliegenden Häuser gebeten, die "
            "Fenster geschlossen zu halten und nicht ins Freie zu gehen. Am Abend prüften "
            "Fachleute die Luft und fanden keine gefährlichen Stoffe.",
            [
                "Die Brandursache ermitteln die Behörden. Nach ersten Erkenntnissen hatte eine "
                "defekte Leitung Feuer gefangen.",
                "Der Besitzer der Halle erklärte, das Gebäude sei versichert gewesen und im "
                "Frühjahr überprüft worden.",
            ],
            "## Was in der Halle lagerte",
            "In der Halle lagerten Möbel und Haushaltsgeräte. Der Schaden ist noch nicht "
            "beziffert, doch nach Angaben der Eigentümer ist der größte Teil der Waren zerstört.",
        ],
        "tags": ["Unglücke", "Brände", "Feuerwehr"],
    },
    "rescue": {
        "headlines": [
            "Hubschrauber rettet Wanderer aus den Bergen bei {city}",
            "Bergwacht holt Wanderer per Hubschrauber aus {metres} Metern Höhe",
        ],
        "lead": "Rettungskräfte haben {day} mit einem Hubschrauber eine Wandergruppe von einem "
        "Berghang bei {city} geholt, die im Nebel vom Weg abgekommen war. Zur Gruppe gehörten "
        "{hikers:~:Person/Personen}; niemand wurde ernsthaft verletzt.",
        "body": [
            "Die Wanderer riefen per Telefon um Hilfe, als sie merkten, dass sie den Weg nach "
            "unten nicht mehr fanden. Sie befanden sich auf rund {metres} Metern Höhe, wo es "
            "gegen Abend schlagartig kalt wurde.",
            "„Sie haben alles richtig gemacht: Sie sind an Ort und Stelle geblieben, haben alle "
            "warmen Sachen angezogen und den Akku ihres Telefons geschont“, sagte {p1}, "
            "{p1:Leiter/Leiterin} des Rettungsteams.",
            "## Wie gesucht wurde",
            "Die Suche dauerte {hours:~:Stunde/Stunden}. Wegen tief hängender Wolken konnte der "
            "Hubschrauber nicht sofort starten, deshalb machte sich zunächst ein Trupp der "
            "Bergwacht zu Fuß auf den Weg.",
            [
                "Zwei Mitglieder der Gruppe kamen mit Unterkühlung ins Krankenhaus von {city}, "
                "die übrigen wurden von Ärzten untersucht und durften nach Hause.",
                "Ärzte untersuchten die Wanderer am Landeplatz des Hubschraubers; ins "
                "Krankenhaus musste niemand.",
            ],
            "## Rat der Bergwacht",
            "„Das Wetter in den Bergen ändert sich innerhalb von Minuten. Schauen Sie vor dem "
            "Aufbruch auf die Vorhersage und sagen Sie jemandem, wohin Sie gehen“, mahnte {p2}, "
            "{p2:Sprecher/Sprecherin} der Bergwacht.",
        ],
        "tags": ["Unglücke", "Rettung", "Berge"],
    },
    "road": {
        "headlines": [
            "Erdrutsch verschüttet Bergstraße bei {city}",
            "Felssturz bei {city}: Autofahrer müssen {km} Kilometer Umweg fahren",
        ],
        "lead": "Nach heftigen Regenfällen ist {day} ein Erdrutsch auf die Bergstraße bei "
        "{city} niedergegangen. Rund {tonnes} Tonnen Geröll und Schlamm blockieren beide "
        "Fahrspuren; auf dem Abschnitt waren zu diesem Zeitpunkt keine Autos unterwegs.",
        "body": [
            "Die Straßenmeisterei will die Strecke in {days:~:Tag/Tagen} räumen, sofern es nicht "
            "wieder regnet. Bis dahin wird eine {km} Kilometer lange Umleitung durch das "
            "Nachbartal empfohlen.",
            "„Der Hang ist weiter instabil, deshalb sichern wir ihn zuerst und räumen erst danach "
            "das Geröll weg“, sagte {p1}, {p1:Leiter/Leiterin} der Straßenmeisterei.",
            "## Gefährlicher Hang",
            "Bewohner der umliegenden Dörfer sagen, der Hang rutsche nicht zum ersten Mal ab, und "
            "fordern seit Langem eine Schutzmauer.",
            [
                "Die Schulbusse aus den Dörfern oberhalb des Passes fahren vorerst nicht; der "
                "Unterricht findet online statt.",
                "Lastwagen dürfen die Umleitungsstrecke während der Arbeiten nachts nicht "
                "befahren.",
            ],
            "## Die Aussichten",
            "Die Meteorologen erwarten zum Wochenende neue Regenfälle. Die Straßenbauer warnen, "
            "dass sich die Freigabe der Strecke dann verschieben könnte.",
        ],
        "tags": ["Unglücke", "Straßen", "Wetter"],
    },
    "rates": {
        "headlines": [
            "Zentralbank von {country} belässt Leitzins bei {rate} Prozent",
            "Leitzins in {country} bleibt bei {rate} Prozent: Zentralbank wartet auf sinkende "
            "Inflation",
        ],
        "lead": "Die Zentralbank von {country} hat {day} den Leitzins unverändert bei {rate} "
        "Prozent belassen. Die Inflation gehe zwar zurück, liege aber weiter über dem Ziel, "
        "hieß es zur Begründung.",
        "body": [
            "Nach den jüngsten Daten sind die Preise binnen eines Jahres um {inflation} Prozent "
            "gestiegen. Am stärksten verteuerten sich Lebensmittel und Wohnnebenkosten, Benzin "
            "und Elektronik wurden etwas billiger.",
            "„Wir sehen, dass sich die Inflation abschwächt, aber für eine Zinssenkung ist es noch "
            "zu früh“, sagte {p1}, {p1:Präsident/Präsidentin} der Zentralbank, auf einer "
            "Pressekonferenz.",
            "## Was Ökonomen sagen",
            [
                "Die meisten Analysten hatten genau diese Entscheidung erwartet. Sie halten eine "
                "Zinssenkung frühestens im nächsten Quartal für möglich.",
                "Manche Ökonomen halten die Bank für zu vorsichtig: Die hohen Zinsen bremsten die "
                "Kredite für kleine Unternehmen.",
            ],
            "„Für Kreditnehmer ändert sich nichts, und Sparer können vorerst mit den bisherigen "
            "Zinsen rechnen“, sagte {p2}, {p2:Analyst/Analystin} einer der größten Banken des "
            "Landes.",
            "## Die nächste Sitzung",
            "Die nächste Sitzung des Direktoriums der Zentralbank findet {month} statt.",
        ],
        "tags": ["Wirtschaft", "Banken", "Inflation"],
    },
    "port": {
        "headlines": [
            "Hafen von {city} schlägt Rekordmenge von {boxes} Containern um",
            "Umschlag im Hafen von {city} wächst um {growth} Prozent",
        ],
        "lead": "Der Hafen von {city} hat im ersten Halbjahr {boxes} Container umgeschlagen – "
        "{growth} Prozent mehr als ein Jahr zuvor, wie die Hafenverwaltung {day} mitteilte. Das "
        "ist ein Rekord in seiner Geschichte.",
        "body": [
            "Zu dem Wachstum trugen neue Schifffahrtslinien und ein automatisiertes Terminal bei, "
            "das im vergangenen Jahr eröffnet wurde. Das Entladen eines Schiffes dauert fast ein "
            "Drittel weniger als zuvor.",
            "„Unternehmen verlegen ihre Routen zu uns, weil es hier schneller und verlässlicher "
            "geht“, sagte {p1}, {p1:Direktor/Direktorin} des Hafens.",
            "## Stau vor den Toren",
            [
                "Der Rekord hat eine Kehrseite: Zur Hauptverkehrszeit stauen sich vor den "
                "Hafentoren Lastwagen auf mehreren Kilometern.",
                "Anwohner der Küstenviertel beklagen sich über Lärm und nächtlichen Lkw-Verkehr.",
            ],
            "Der Hafen will {berths:~:weiteren Liegeplatz/weitere Liegeplätze} und einen "
            "Gleisanschluss bauen, damit ein Teil der Fracht per Bahn abtransportiert werden "
            "kann.",
            "## Risiken",
            "„Das Wachstum kann sich abschwächen, wenn der Welthandel wieder einbricht“, warnte "
            "{p2}, {p2:ein Ökonom, der/eine Ökonomin, die} sich mit der Seefahrt beschäftigt.",
        ],
        "tags": ["Wirtschaft", "Häfen", "Handel"],
    },
    "investors": {
        "options": {
            "product": [
                {
                    "nom": "eine App für Landwirte",
                    "does": "hilft Landwirten, Wasser und Dünger zu sparen",
                },
                {
                    "nom": "Anlagen zum Recycling alter Akkus",
                    "does": "gewinnt aus alten Akkus Lithium und Kobalt zurück",
                },
                {
                    "nom": "Software für Logistikfirmen",
                    "does": "hilft Spediteuren, die Routen ihrer Lastwagen zu planen",
                },
            ],
        },
        "headlines": [
            "Start-up aus {city} sammelt {amount} Millionen Euro ein",
            "Investoren stecken {amount} Millionen Euro in Start-up aus {city}",
        ],
        "lead": "Ein Unternehmen aus {city}, das {product} entwickelt, hat von einer Gruppe von "
        "Investoren {amount} Millionen Euro erhalten, wie die Gründer {day} mitteilten. Mit dem "
        "Geld soll das Team wachsen und das Unternehmen neue Märkte erschließen.",
        "body": [
            "Die Technik des Unternehmens {product.does}. Sie wird bereits von Kunden in mehreren "
            "Ländern genutzt, der Umsatz hat sich im vergangenen Jahr verdoppelt.",
            "„Wir haben zu dritt in einer Küche angefangen, jetzt können wir {staff} Leute "
            "einstellen“, sagte {p1}, {p1:Mitgründer und Geschäftsführer/Mitgründerin und "
            "Geschäftsführerin} des Unternehmens.",
            "## Wer investiert",
            [
                "Angeführt wurde die Runde von einem regionalen Risikokapitalfonds, beteiligt "
                "waren auch mehrere private Investoren.",
                "Zu den Investoren gehört ein großer Industriekonzern, der die Entwicklungen des "
                "Start-ups in seinen Werken einsetzen will.",
            ],
            "Die Stadtverwaltung sieht in dem Geschäft ein Zeichen dafür, dass {city} zu einem "
            "sichtbaren Standort für Technologieunternehmen wird.",
            "## Pläne",
            "Das Unternehmen will ein Büro in der Hauptstadt eröffnen und bis Ende nächsten "
            "Jahres die Gewinnschwelle erreichen.",
        ],
        "tags": ["Wirtschaft", "Start-ups", "Technologie"],
    },
}
