"""Deterministic generator of fictional, wire-style news copy for the site's demo data."""

import functools
import html
import random
import re
import string

LQ, RQ = "\u201c", "\u201d"  # curly quotes, escaped so the source stays plain ASCII


def _opts(text: str) -> list[str]:
    """Split a "|"-separated block into options, collapsing the whitespace of wrapped lines."""
    return [" ".join(part.split()) for part in text.split("|") if part.strip()]


def _pools(text: str) -> dict[str, list[str]]:
    """Parse "key: a | b | c" lines; lines without a leading "key:" continue the previous key."""
    raw: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        match = re.match(r"\s*(\w+):(.*)", line)
        if match:
            key, line = match.groups()
            raw[key] = ""
        if key:
            raw[key] += " " + line
    return {name: _opts(value) for name, value in raw.items()}


def _stories(text: str) -> list[tuple[str, str, str]]:
    """Parse blank-line separated "headline | lead | topic" records."""
    records = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        title, lede, topic = _opts(chunk)
        records.append((title, lede, topic))
    return records


SECTIONS: dict[str, str] = {
    "world": "International news, diplomacy and elections, from capitals and border towns alike.",
    "russia": "News from across Russia's regions, from city budgets to life in the Far North.",
    "society": "Housing, schools, health care and the everyday questions that shape how we live.",
    "opinion": "Columns, commentary and arguments from our writers and guest contributors.",
    "science": "Discoveries, research and the people behind them, from deep space to the deep sea.",
    "sport": "Results, transfers and the stories behind the scores, from local leagues upwards.",
    "incidents": "Fires, accidents and emergencies, and the work of the services that respond.",
    "business": "Companies, markets, jobs and the economic decisions that reach household budgets.",
}

TAGS: dict[str, list[str]] = {
    "world": _opts(
        "Diplomacy|Elections|Climate|Migration|Trade|Security|Human Rights|Humanitarian Aid"
        "|Energy|Summits|Borders"
    ),
    "russia": _opts(
        "Regions|Infrastructure|Heating|Arctic|Siberia|Agriculture|Transport|Wildfires"
        "|Local Government|Regional Budgets|Healthcare"
    ),
    "society": _opts(
        "Housing|Education|Healthcare|Transport|Pensions|Cost of Living|Volunteering|Culture"
        "|Youth|Public Services|Labour"
    ),
    "opinion": _opts(
        "Columns|Politics|Housing|Media|Cities|Education|Climate|Economy|Public Services|Transport"
    ),
    "science": _opts(
        "Space|Climate|Medicine|Energy|Oceans|Robotics|Biology|Materials|Polar Research|Wildlife"
    ),
    "sport": _opts(
        "Football|Ice Hockey|Tennis|Athletics|Biathlon|Transfers|Running|Cup Competitions"
        "|Coaching|Winter Sports"
    ),
    "incidents": _opts(
        "Fires|Floods|Road Safety|Rescue|Police|Power Outages|Storms|Transport Accidents"
        "|Emergency Services|Evacuations"
    ),
    "business": _opts(
        "Markets|Energy|Jobs|Interest Rates|Mergers|Startups|Shipping|Earnings|Manufacturing"
        "|Trade|Labour"
    ),
}

FIRST_NAMES = _opts(
    "Amara|Henrik|Sofia|Tomasz|Yuki|Mateo|Leila|Dmitri|Ingrid|Kwame|Priya|Lucas|Mei|Rafael|Aisha"
    "|Jonas|Chiara|Tariq|Anneli|Bruno|Zara|Olu|Elena|Nikolai|Freya|Hamid|Lucia|Kenji|Nadia|Pavel"
    "|Rosa|Emeka|Signe|Arjun|Camille|Viktor|Ines|Tobias|Mira|Santiago"
)
LAST_NAMES = _opts(
    "Varga|Lindqvist|Okafor|Moreau|Brennan|Novak|Ferreira|Haddad|Kowal|Castellano|Mensah|Ishikawa"
    "|Duarte|Richter|Achterberg|Salo|Mehta|Oyelaran|Sandoval|Bergstrom|Marchetti|Dahl|Nakamura"
    "|Quist|Osei|Halloran|Zielinski|Arslan|Lindgren|Vasquez|Rahimi|Solberg|Demir|Kerner|Alvarez"
    "|Vidal|Morrow|Aldana"
)

COMMON = _pools("""
    city: Varenholm | Castellara | Port Meridan | Oskarvik | Belmora | Kelderwick | Marrowgate
        | Tarsova | Lindenfeld | Aldmouth | Santa Irena | Dunmarren | Saltmere | Corvel Bay
        | Ostermoor | Elvanstad | Brackenmouth | Calderra | Wyndhollow | Marisport | Tullivar
    country: Estavia | Morvania | Talvoria | Ardunia | Velmaria | Nordhavia | Kessaria | Lusmoria
        | Ostrelia | Serravia | Quessany | Dravonia | Karovia | Maravel | Torvalen | Cassarene
    town: Novoluzhsk | Ust-Varensk | Krasnoborets | Zaozyorinsk | Lebyazhinsk | Tikhozersk
        | Polyarny Bor | Sosnovy Yar | Kedrogorsk | Verkhnyaya Zarya | Medvezhinsk | Ozerki-Lesnye
        | Gornoluzhsk | Staraya Verba | Kamennaya Zaimka | Pereluchye
    day: Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday
    month: January | February | March | April | May | June | July | August | September | October
        | November | December
""")
COMMON["first"], COMMON["player"] = FIRST_NAMES, LAST_NAMES

# Each section: fill-in pools, story templates (headline | lead | topic) and body text pools.
WORLD = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("talks|coalition|floods|summit|diplomats|ballots|border"),
    "pools": _pools("""
        talks: fishing rights | cross-border rail links | water sharing on the Sarn River
            | grain export routes | border demarcation | energy transit fees | visa-free travel
        dispute: pension reform | a budget shortfall | judicial appointments | energy subsidies
            | a disputed mining licence | fuel taxes | a new media law | defence spending
            | public sector pay | a port privatisation
        crisis: calls snap election | heads for early polls | faces snap vote
            | sets date for early election
        months: three | four | six | nine | eleven
        weeks: six | eight | ten | twelve
        n: 1,200 | 3,400 | 6,800 | 8,000 | 12,500 | 20,000 | 31,000
        compass: southern | northern | eastern | western | central
        cause: as rivers burst their banks | after days of torrential rain | as dams overflow
            | after a week of storms
        summit: regional summit | two-day summit | leaders' summit | border summit
        pledge: coastal defences | refugee housing | cross-border power lines | drought relief
            | shared wildfire crews | border water supplies | rail freight corridors
            | early warning systems
        ending: but no timetable | but few details | amid funding doubts
        states: four | five | six | seven | nine
        few: two | three | four | five
        row: alleged surveillance | a detained journalist | airspace violations
            | a seized fishing boat | leaked diplomatic cables | a cyberattack on ministries
        count: opposition leads | ruling party trails | incumbent edges ahead
            | reformist bloc surges | centrist alliance leads | nationalist party gains
        stage: early results | partial results | first returns | preliminary results
        vote: presidential vote | parliamentary election | regional elections
            | constitutional referendum
        pct: 38 | 46 | 52 | 61 | 70 | 85
        year: 2016 | 2017 | 2018 | 2019 | 2020 | 2021
        pop: four | six | nine | eleven | fourteen
        export: timber | grain | copper | fish | machinery | potash
        growth: 0.8 | 1.1 | 1.6 | 2.3
    """),
    "stories": _stories("""
        {country} and {country2} Agree to Resume Talks on {talks}
        | Officials from {country} and {country2} said on {day} they would return to the
          negotiating table over {talks}, ending a pause of {months} months that had strained
          trade and diplomatic ties between the two neighbours.
        | the talks on {talks}

        {country} {crisis} After Coalition Collapses Over {dispute}
        | The governing coalition in {country} fell apart on {day} after months of wrangling over
          {dispute}, and the prime minister's office said voters would return to the polls within
          {weeks} weeks.
        | the political crisis over {dispute}

        Floods Displace {n} People in {compass} {country} {cause}
        | Floodwaters forced an estimated {n} people from their homes across {compass} {country}
          by {day}, emergency officials said, as swollen rivers cut road links to several towns
          and damaged bridges, power lines and farmland.
        | the flood response in {compass} {country}

        {summit} in {city} Agrees Plan on {pledge} {ending}
        | Leaders from {states} neighbouring states wrapped up {summit:a} in {city} on {day} with
          a joint plan on {pledge}, though the final communique left funding and deadlines for
          ministers to settle later in the year.
        | the summit plan on {pledge}

        {country} Expels {few} Diplomats From {country2} in Row Over {row}
        | {country} ordered {few} diplomats from {country2} to leave within 72 hours on {day},
          escalating a dispute over {row} that has soured relations between the two governments
          for weeks, the foreign ministry said.
        | the row with {country2}

        {count} in {stage} From {country}'s {vote}
        | With about {pct} percent of ballots counted in {country}'s {vote}, figures from the
          electoral commission pointed to a closer contest than polls had suggested, and both
          main camps urged supporters to wait for the final result.
        | the {vote} in {country}

        {country} Reopens Border Crossing With {country2} Closed Since {year}
        | Trucks and pedestrians crossed between {country} and {country2} at a reopened
          checkpoint on {day} for the first time since {year}, in a step local traders said could
          revive commerce in border towns hit hard by the closure.
        | the reopening of the border crossing
    """),
    "text": _pools("""
        open: Officials in {country} confirmed the details in a brief statement on {day} but
            declined to take questions from reporters.
          | The news led evening bulletins across the region, where governments have been
            watching {topic} with growing attention.
          | International observers and aid agencies said they were following the situation
            closely and would publish their own assessments.
        context: {country}, a country of about {pop} million people, relies heavily on exports
            of {export} and on trade with its immediate neighbours.
          | Relations between {country} and its neighbours have swung between cooperation and
            suspicion since a border conflict in the 1990s.
          | The economy grew by just {growth} percent last year, and unemployment remains
            stubbornly high in the rural provinces.
          | Regional diplomats say {topic} is an early test for a government that took office
            promising steadier foreign relations.
          | Aid groups have long warned that poorer border provinces would feel the effects of any
            instability first.
        quotes: This is a moment that calls for calm heads and clear commitments
          | People here want stability, jobs and the freedom to travel, and they are tired of
            waiting
          | It will be judged by what happens on the ground, not by what is said at press
            conferences
          | Nobody in the region benefits from uncertainty, and every government knows it
          | We will keep working with our partners, but our patience is not unlimited
        speakers: a senior foreign ministry official in {country}
          | a spokesperson for the regional security council
          | a political scientist at Castellara University | a veteran diplomat based in {city}
          | an analyst at the Marrowgate Centre for International Affairs
        subheads: Regional Implications | A Fragile Neighbourhood
    """),
}

RUSSIA = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("heating|bridge|repair|wildfires|flights|harvest|factory|clinic"),
    "pools": _pools("""
        heat: heating season starts | heating season begins | radiators warm up
        early: five | seven | ten | twelve | fourteen
        deg: 12 | 15 | 18 | 21 | 24 | 27
        kind: road bridge | rail bridge | footbridge | pontoon bridge
        river: Varenka | Tikhaya | Belaya Rechka | Sosnovka | Lebyazhya | Kamyshinka
        years: three | four | five | six | eight
        amount: 1.2 | 1.8 | 2.5 | 3.1 | 3.8 | 4.6 | 5.4 | 6.2
        facility: schools | clinics | libraries | sports halls | kindergartens | community centres
        region: the Lebyazhinsk region | the Zaozyorinsk region | the Ust-Varensk region
            | the Kedrogorsk region | the Tikhozersk region | the Krasnoborets region
            | the Novoluzhsk region
        fire: scorch | engulf | spread across
        ha: 1,800 | 3,500 | 6,200 | 9,000 | 14,000 | 22,000 | 30,000
        forest: taiga | pine forest | peatland
        crop: wheat | barley | buckwheat | potato | rapeseed | sunflower | oat
        farm: report | celebrate | gather
        season: despite a late spring | after a warm summer | despite a dry July
        react: back | debate | weigh
        factory: tractor plant | textile mill | brickworks | railway depot | sawmill | shipyard
        venue: a cultural centre | an arts quarter | a technology park | a covered market
            | a sports hub | a concert hall
        staff: doctors | nurses | paramedics
        clinics: rural clinics | village hospitals | district health centres
        n: 40 | 65 | 80 | 120 | 150 | 210
        pop: 38,000 | 52,000 | 74,000 | 110,000 | 160,000
    """),
    "stories": _stories("""
        {heat} {early} Days Early in {town} as Temperatures Hit Minus {deg}
        | Municipal boiler plants in {town} began supplying heat to homes {early} days ahead of
          schedule on {day} after overnight temperatures fell to minus {deg} degrees Celsius, city
          officials said, adding that schools and hospitals had been connected first.
        | the early start of the heating season

        {town} Opens New {kind} Across the {river} After {years}-Year Delay
        | A new {kind} across the {river} opened in {town} on {day}, {years} years later than
          first promised, cutting the journey to the regional centre by more than an hour for
          thousands of residents on the far bank.
        | the new {kind} across the {river}

        Governor Pledges {amount} Billion Roubles to Repair Rural {facility} in {region}
        | The regional governor promised on {day} to spend {amount} billion roubles over three
          years repairing rural {facility} across {region}, after inspectors found leaking roofs,
          worn-out equipment and outdated heating in dozens of buildings.
        | the repair programme for rural {facility}

        Wildfires {fire} {ha} Hectares of {forest} Near {town}
        | Firefighting crews and water-bombing aircraft were battling blazes across about {ha}
          hectares of {forest} near {town} on {day}, the regional emergencies department said,
          adding that no settlements were under immediate threat.
        | the wildfires near {town}

        Direct Flights Between {town} and {town2} to Resume in {month}
        | A regional airline will restart direct flights between {town} and {town2} in {month},
          ending a long gap that forced travellers into a two-day journey by rail and road, local
          transport officials said on {day}.
        | the return of direct flights between {town} and {town2}

        Farmers in {region} {farm} Record {crop} Harvest {season}
        | Farms across {region} have brought in their largest {crop} harvest on record {season},
          agriculture officials said on {day}, crediting newer machinery bought with state
          subsidies and better seed varieties.
        | the record {crop} harvest

        {town} Residents {react} Plan to Turn Old {factory} Into {venue}
        | Residents of {town} packed a public hearing on {day} to discuss a proposal to convert a
          disused {factory} into {venue}, and the city administration said it would now seek
          private investors to fund the work.
        | the plan to redevelop the old {factory}

        {clinics} in {region} to Get {n} New {staff} This Year
        | Some {n} {staff} have signed up to work in {clinics} across {region} under a relocation
          scheme that offers free housing and a one-off payment, the regional health ministry
          said on {day}.
        | the scheme to bring {staff} to {clinics}
    """),
    "text": _pools("""
        open: Regional officials confirmed the details at a briefing in {town} on {day}.
          | The news was shared widely on local community channels within hours, drawing hundreds
            of comments from residents.
          | Local television led its evening bulletin with the story, a sign of how closely
            {topic} has been followed in the region.
        context: {town}, home to about {pop} people, grew up around a river port and a timber
            mill in the middle of the last century.
          | Like many towns in the region, {town} has lost a significant share of its working-age
            population to larger cities over the past two decades.
          | Winters here routinely bring temperatures below minus 30 degrees, which makes reliable
            heating and transport a matter of survival rather than comfort.
          | Regional budgets have come under pressure in recent years, and local authorities
            increasingly rely on targeted federal programmes to fund major projects.
          | Residents have long complained that decisions affecting {town} are taken far away and
            with little consultation.
        quotes: We have waited a long time for this, and people will believe it when they see it
            working
          | Life here depends on things other places take for granted: heat, roads and a doctor
            nearby
          | The work is on schedule, and we will report openly on every stage of it
          | Young families will only stay if the basics are in place, and this is part of that
        speakers: the head of the {town} city administration
          | a deputy of the regional legislature | a spokesperson for the regional government
          | a schoolteacher who has lived in {town} for three decades
          | the chair of a local residents' association
        subheads: Life on the Periphery | A Question of Money
    """),
}

SOCIETY = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("homes|union|waits|bus|survey|foodbank|reopening|protest"),
    "pools": _pools("""
        homes: 250 | 400 | 600 | 850 | 1,200 | 1,500
        site: rail yard | army barracks | textile mill | bus depot | dockyard | gasworks
        workers: teachers | nurses | bus drivers | refuse collectors | care workers | librarians
        strike: vote to strike | threaten walkout | announce strike dates | plan industrial action
        grievance: pay | unpaid overtime | staff shortages | workload | night shift rotas
            | pension changes
        measure: hospital waiting times | ambulance response times | waits for GP appointments
            | emergency room waits
        years: three | four | five | six | seven | nine
        group: pensioners | students | children under 16 | jobseekers | carers
            | people with disabilities
        young: graduates | under-30s | students
        finding: still live with their parents | cannot afford to rent alone | plan to move away
            | have two jobs | skip meals to save money
        pct: 31 | 38 | 42 | 47 | 54 | 61
        who: volunteers | church groups | student volunteers | residents' groups
        food: three | four | five | six
        pressure: as living costs bite | as demand soars | ahead of winter
        venue: central library | city museum | concert hall | town hall | swimming pool
        months: nine | ten | 12 | 14 | 15 | 20
        crowd: hundreds | thousands
        protest: rally | march | protest | demonstrate
        cuts: home care services | library hours | youth clubs | school meal subsidies
            | night bus routes | community centres
        pop: 180,000 | 240,000 | 310,000 | 420,000 | 560,000
    """),
    "stories": _stories("""
        {city} Council Approves {homes} Affordable Homes on Former {site}
        | Councillors in {city} voted on {day} to approve {homes} affordable homes on land once
          occupied by {site:a}, a project campaigners said was long overdue in a city where rents
          have outpaced wages for most of the past decade.
        | the affordable housing plan

        {workers} in {city} {strike} Over {grievance}
        | {workers} in {city} are preparing to walk out over {grievance}, their union said on
          {day}, raising the prospect of disruption to public services that are already stretched
          by vacancies and rising demand.
        | the {workers}' dispute over {grievance}

        {measure} in {city} Fall for First Time in {years} Years
        | {measure} in {city} fell for the first time in {years} years, according to figures
          published on {day}, which health officials attributed to extra weekend clinics and the
          recruitment of new staff.
        | the improvement in {measure}

        {city} to Offer Free Bus Travel to {group} From {month}
        | {group} in {city} will be able to travel free on local buses from {month}, the city
          transport authority said on {day}, under a scheme funded by higher parking charges in
          the city centre.
        | the free bus travel scheme

        Survey Finds {pct} Percent of {young} in {city} {finding}
        | Some {pct} percent of {young} in {city} {finding}, according to a survey published on
          {day}, with respondents most often citing high rents, insecure work and the cost of
          childcare.
        | the survey of young people's finances

        {who} Open {food} New Food Banks in {city} {pressure}
        | {who} opened {food} new food banks across {city} on {day}, saying demand had risen
          sharply over the past year as families struggled with higher rents, energy bills and
          grocery prices.
        | the rising demand for food banks

        {city} {venue} Reopens After {months}-Month Renovation
        | The {venue} in {city} reopened to the public on {day} after a {months}-month renovation
          that added step-free access, new heating and longer opening hours, and visitors queued
          outside before the doors opened.
        | the reopening of the {venue}

        {crowd} {protest} in {city} Against Cuts to {cuts}
        | {crowd} of people, many of them pensioners and parents, gathered in central {city} on
          {day} to protest against planned cuts to {cuts}, which the council says are needed to
          close a budget gap.
        | the planned cuts to {cuts}
    """),
    "text": _pools("""
        open: Details were presented at a briefing for councillors and journalists in {city} on
            {day}.
          | Local community groups shared the news widely within hours, and several said they had
            been pressing for action for years.
          | The announcement is likely to be closely watched in other cities facing similar
            pressures.
        context: {city} has a population of about {pop} and has grown quickly over the past
            decade as younger families moved in from the countryside.
          | Average rents in the city have risen by roughly a third in five years, far faster than
            wages.
          | Local services have struggled to keep pace with the city's growth, according to a report
            by its audit office last year.
          | Charities say the pressures fall hardest on pensioners, single parents and people in
            insecure work.
          | {name}, who runs a neighbourhood advice centre in {city}, said queues at the centre had
            grown longer almost every month this year.
        quotes: People are not asking for miracles, they are asking for services that work
          | We see the consequences of these decisions every day, long before they show up in the
            statistics
          | This is a step in the right direction, but it has to be the first of many
          | The city has changed quickly, and our public services have to change with it
        speakers: a spokesperson for the city council | the chair of the {city} tenants' association
          | a social policy researcher at Aldmouth University | a union representative in {city}
          | a deputy mayor responsible for social affairs
        subheads: Pressure on Services | Voices From the Neighbourhood
    """),
}

OPINION = {
    "subjects": [None] * 8,  # columns lead with their columnist, not a photo
    "pools": _pools("""
        stop: ignoring | tiptoeing around | postponing action on | making excuses about
            | looking away from | shrugging off
        issue: the housing shortage | poor air quality | the teacher shortage | river pollution
            | loneliness among older people | vanishing rural bus services
            | youth unemployment | the cost of childcare | the rise in empty shops
            | the state of its bridges
        adj: quiet | hidden | real | long-term | true | human
        trend: closing rural post offices | cutting library hours | scrapping night trains
            | closing public toilets | shutting school swimming pools | scrapping rural bus routes
            | closing village clinics | cutting street lighting at night
        talk: consultation | review | working group | pilot scheme | task force | feasibility study
        defended: bus lanes | public swimming pools | night buses | small village schools
            | local newspapers | allotments | street markets | public libraries
        coda: even when they are inconvenient | whatever the critics say | before it is too late
            | and why they matter
        audience: us | our politicians | city planners | the rest of us
        lesson: running trains on time | recycling | funding public broadcasting
            | building homes quickly | welcoming newcomers | keeping libraries open
            | cutting traffic deaths | cleaning up rivers | training nurses
        who: politicians | ministers | party leaders | candidates | councillors | mayors
        keep: keep promising | love to promise
        promise: cheaper energy | faster trains | lower taxes | more police officers
            | free childcare | new hospitals | cheaper housing | better pensions
        retort: voters should ask who pays | show us the sums
            | the arithmetic does not add up | someone will have to pay
            | we deserve to see the costings | the bill always arrives later
        reason: real | uncomfortable | simple | obvious | awkward
        losing: young people | nurses | teachers | young families | best graduates | bus drivers
            | doctors | musicians
        project: new tram line | harbour tunnel | flood barrier | stadium rebuild
            | district heating scheme | bridge repair programme | cycle network | riverside park
        verdict: is worth the disruption | needs more scrutiny, not less
            | tests whether we can still build things | deserves a fair hearing
            | is too important to rush
    """),
    "stories": _stories("""
        Why {city} Must Stop {stop} {issue}
        | For years, {issue} has been passed between committees in {city} like a parcel nobody
          wants to open. It is time the council took ownership, set a budget and accepted that
          delay is itself a decision.
        | {issue}

        The {adj} Cost of {trend} in {city}
        | {trend} in {city} looks like a sensible saving on a spreadsheet. But the bill arrives
          later, paid in isolation, lost trust and longer journeys by the people least able to
          absorb it.
        | {trend}

        {city} Deserves Better Than Another {talk} on {issue}
        | Residents of {city} have filled in surveys, attended meetings and answered the same
          questions about {issue} for the best part of a decade. What they need now is a
          decision, a budget and someone accountable for both.
        | the debate over {issue}

        In Defence of {city}'s {defended}, {coda}
        | Few things in {city} attract as much easy criticism as its {defended}. Yet strip away
          the grumbling and you find something that quietly works, and that residents would miss
          within a month if it were gone.
        | {city}'s {defended}

        What {country} Can Teach {audience} About {lesson}
        | {country} is rarely held up as a model for anything, which is precisely why its record
          on {lesson} deserves attention. The lessons are less about money than about patience
          and political nerve.
        | {lesson}

        {who} {keep} {promise}. {retort}
        | Every campaign season brings fresh promises of {promise}, and every season the same
          question goes unanswered. Until candidates show their arithmetic, voters are entitled
          to treat such pledges with polite suspicion.
        | the promise of {promise}

        The {reason} Reason {city} Keeps Losing Its {losing}
        | Talk to anyone who has left {city} in recent years and the story is rarely about wages
          alone. It is about rents, late buses and a sense that the city's plans are made for
          somebody else.
        | the exodus of {losing} from {city}

        {city}'s {project} {verdict}
        | The {project} has been delayed, redesigned and argued over for years. It is still the
          right idea, but {city} deserves a frank account of what it will cost and who will carry
          the risk.
        | {city}'s {project}
    """),
    "text": _pools("""
        open: Anyone who has followed the argument over {topic} will recognise the pattern: a
            burst of attention, a round of promises and then a long silence.
          | It is tempting to treat {topic} as a technical matter best left to officials and
            consultants.
          | I have spent much of the past year talking to people in {city} about this, and the same
            frustrations come up again and again.
          | Every few years the subject returns to the front pages, and every few years we are told
            that the answer is just around the corner.
        context: The numbers are not in serious dispute; what is missing is the willingness to
            act on them.
          | Part of the problem is structural, because responsibility is split between so many
            bodies that nobody is ever clearly in charge.
          | Other cities have faced the same choices and made them, often with less money and
            fewer advantages than we have.
          | There is a tendency in public life to confuse activity with progress, so reports are
            commissioned, meetings are held and very little changes.
          | None of this requires heroism, only a budget, a timetable and the patience to see both
            through.
          | The people most affected are rarely the ones in the room when decisions are made.
          | It would be unfair to blame any single official or party, since the failure has been
            shared across several administrations.
          | Much of the debate has been conducted in a language of targets and frameworks that
            means little to the people living with the consequences.
        next: The choice is not between perfection and nothing but between a modest plan that
            starts now and a grand one that never does.
          | If the council wants to be taken seriously, it should publish a timetable and let
            voters judge it against the results.
          | We have had enough consultations, and what we need now is the courage to decide.
          | In the end, {topic} is a test of whether we still believe public institutions can
            deliver, and I think they can, but not like this.
        sources: Defenders of the current approach | Some readers | Officials | Sceptics
          | Cautious voices on the council
        claims: there is simply no money for anything more ambitious
          | change of this kind takes time | the problem has been exaggerated
          | the responsibility lies with someone else | the moment is not right
        quotes: Nobody ever asks us what we need until something has already gone wrong
          | We have been told to be patient for so long that patience has started to feel like a
            policy
          | It is not complicated, people just want things to work
          | Every year it gets a bit harder, and every year we are told it is about to get better
        speakers: a retired engineer who has lived in {city} for four decades
          | a councillor on the {city} planning committee | a nurse who commutes into {city} daily
          | a shop owner near the old market in {city} | a student who grew up in {city}
        subheads: The Case for Acting Now | What Critics Get Wrong | A Question of Priorities
          | Where We Go From Here | The Cost of Waiting | Who Pays, and Who Decides
        intro: Consider what is at stake:
    """),
}

SCIENCE = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("battery|telescope|species|core|trial|wildlife|robot"),
    "pools": _pools("""
        who: engineers | chemists | researchers
        lab: Castellara University | Kelderwick Polytechnic | Aldmouth University
            | Varenholm Technical University | Saltmere Polytechnic | Marrowgate University
        make: unveil | develop | test
        cell: battery | prototype battery | sodium battery | solid-state battery
        battery: charges in ten minutes | survives 5,000 charge cycles | works at minus 40 degrees
            | uses no cobalt | halves production costs
        scientists: astronomers | researchers | scientists
        obs: Kelderwick Observatory | Saltmere Observatory | the Tarsova Radio Array
            | the Corvel Bay Telescope | Aldmouth Observatory | the Dunmarren Solar Station
        spot: spot | detect | observe | track
        object: a possibly habitable rocky planet | an unusually bright radio burst
            | a cluster of newborn stars | a pair of merging black holes | a comet with a green tail
            | a galaxy lacking dark matter | a star swallowing its own planet
            | a ring around a dwarf planet
        survey: deep-sea survey | research expedition | marine census | seabed mapping project
        species: 12 | 18 | 24 | 31 | 47 | 56 | 63
        core: ice core | sediment core | deep ice sample
        station: Halvorsen Station | Meridian Base | Camp Aurora | Skarvik Ridge | Ostrand Dome
            | Fenwick Glacier
        reveal: reveals | preserves | holds
        finding: evidence of sharp climate swings | traces of ancient volcanic eruptions
            | a lost record of ocean temperatures | dust from a prehistoric megadrought
            | pollen from long-vanished forests | signs of abrupt sea-level rise
        trial: trial | study | clinical test | pilot study
        treatment: a once-yearly injection | a nasal spray vaccine | a low-cost oral drug
            | an experimental gene therapy | a repurposed heart drug | a daily skin patch
        result: shows promise against | eases symptoms of | helps patients with
        disease: seasonal flu | malaria | a rare liver disorder | chronic migraine | severe asthma
            | early-stage Parkinson's disease | chronic back pain
        patients: 240 | 600 | 1,100 | 2,400 | 3,800
        study: five-year study | new census | drone survey | volunteer count | satellite survey
        animal: sea eagle | wild salmon | lynx | puffin | bumblebee | river mussel | otter
            | red deer
        habitat: the Varen Hills | the Saltmere Estuary | the Kelder Highlands
            | the Tarsova Wetlands | Lake Varenmere | the Corvel Islands
        change: have doubled | have fallen sharply | have recovered | have halved | have tripled
        team: engineers | researchers | students | scientists
        build: build | design | unveil
        robot: sorts recycling by touch | inspects wind turbine blades | maps coral reefs
            | picks ripe strawberries | cleans solar panels in deserts | crawls inside water pipes
            | helps nurses lift patients | plants tree seedlings
        staff: 20 | 35 | 60 | 120
        nations: four | six | nine | eleven
    """),
    "stories": _stories("""
        {who} at {lab} {make} {cell} That {battery}
        | {who} at {lab} said on {day} they had built {cell:a} that {battery}, a result they hope
          could make electric buses and home storage cheaper, though commercial production is
          still years away.
        | the new battery design

        {scientists} at {obs} {spot} {object}
        | {scientists} at {obs} have detected {object} with the observatory's telescopes,
          according to a paper published on {day}, a finding they say will help refine models
          of how such objects form and change over time.
        | the new observations

        {survey} Off {city} Finds {species} Species New to Science
        | A month-long {survey} off {city} has catalogued {species} species never described
          before, including worms, sponges and a translucent sea cucumber, marine biologists
          announced on {day}.
        | the {survey} off {city}

        {core} Drilled Near {station} {reveal} {finding}
        | {core:a} drilled near {station} contains {finding}, researchers reported on {day},
          offering a rare window into how the climate has shifted over hundreds of thousands of
          years.
        | the analysis of the {core}

        {trial} of {treatment} {result} {disease}
        | {treatment} reduced symptoms in most of the {patients} patients enrolled in a mid-stage
          trial against {disease}, researchers reported on {day}, although they cautioned that
          larger studies are needed before regulators can consider approval.
        | the trial of {treatment}

        {study} Finds {animal} Numbers in {habitat} {change}
        | {animal} numbers in {habitat} {change} over the past decade, according to {study:a}
          published on {day}, which drew on thousands of observations by field researchers and
          volunteers.
        | the {study} of {animal} numbers

        {team} at {lab} {build} Robot That {robot}
        | A team at {lab} has built a robot that {robot}, the researchers said on {day},
          describing a machine that combines cheap sensors with software trained on thousands of
          examples gathered in the field.
        | the new robot
    """),
    "text": _pools("""
        open: The findings were published in a peer-reviewed journal on {day} and presented at a
            briefing for reporters.
          | The work involved more than {staff} researchers from institutions in {nations}
            countries.
          | The research was funded in part by a national science council grant and took several
            years to complete.
        context: The team has made its data publicly available so that other groups can check
            and build on the results.
          | Funding for basic research in the region has been flat for several years, and
            scientists have warned that long-term projects are becoming harder to sustain.
          | {name}, who led the work, said the most surprising result came late in the project,
            when the team had almost stopped looking.
          | Earlier attempts to answer the same question were held back by limited equipment and
            patchy data.
          | The researchers stressed that their conclusions were preliminary and would need to be
            confirmed by further studies.
          | Several universities and private companies have already expressed interest in
            follow-up work, according to the team.
          | The project began almost a decade ago as a small pilot study run on a modest budget.
          | Much of the analysis relied on computing time donated by a consortium of universities.
        next: The team now plans a larger follow-up study, with results expected within two years.
          | A second phase of the work is due to begin in {month}, subject to funding.
          | The researchers said they would present further results at a conference in {city}
            later this year.
        sources: Independent researchers | Scientists not involved in the work
          | Colleagues in the field | Science policy experts | Other groups working on the problem
        claims: the approach was promising but needed to be tested on a larger scale
          | the results fitted well with earlier, smaller studies | the methods appeared sound
          | it was too early to draw firm conclusions
          | the work could open up new lines of research
        quotes: Science rarely moves in straight lines, and this result is a good example of that
          | We were careful not to get ahead of the data, but the signal was hard to ignore
          | This opens up questions we did not even know we should be asking
          | It is a genuinely exciting result, but it is one piece of a much larger puzzle
        speakers: the study's lead author | a co-author of the paper at Aldmouth University
          | an independent expert at Castellara University who reviewed the findings
          | a senior researcher at Kelderwick Polytechnic
        subheads: How the Study Worked | What the Data Show | Questions That Remain
          | Why It Matters | The Road Ahead
        intro: Several points stand out from the work:
    """),
}

SPORT = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("league|hattrick|coach|championships|transfer|runners|overtime|tennis"),
    "pools": _pools("""
        team: Varenholm Rovers | Castellara FC | Port Meridan United | Oskarvik Athletic
            | Belmora City | Marrowgate Wanderers | Dunmarren Albion | Saltmere Town
            | Aldmouth Harriers | Kelderwick Rangers
        score: 2-0 | 3-1 | 1-0 | 4-2 | 2-1 | 3-0 | 3-2
        goal: go top of the league | stay in the title race | escape the relegation zone
            | close the gap on the leaders
        ht: 3-1 | 4-2 | 3-0 | 4-1 | 5-2
        stage: cup semi-finals | cup final | cup quarter-finals
        seasons: five | six | nine | 12 | 15
        part: sack coach | part ways with coach | dismiss manager | fire head coach
        straight: four | five | six | seven | eight
        run: straight defeats | games without a win
        event: 10,000 metres | biathlon sprint | giant slalom | marathon | individual pursuit
            | pole vault | 5,000 metres | triple jump
        years: two | three | four | five
        race: marathon | half marathon | city 10K | night run
        runners: 8,000 | 12,000 | 15,500 | 21,000 | 26,000 | 30,000
        club: Lindenfeld Wolves | Oskarvik Icebreakers | Tarsova Lynx | Aldmouth Stags
            | Kelderwick Falcons | Saltmere Sharks
        edge: edge | beat | stun
        series: level the series | take the series lead | force a deciding game
            | stay alive in the playoffs
        saved: two | three | four | five
    """),
    "stories": _stories("""
        {team} Beat {team2} {score} to {goal}
        | {team} beat {team2} {score} in the league on {day}, a result built on patient
          build-up play and a
          defence that has now conceded just once in five matches, as the manager's new system
          continued to pay off.
        | the league campaign

        {player} Hat-Trick Sends {team} Into {stage}
        | Forward {first} {player} scored three times as {team} beat {team2} {ht} on {day} to
          reach the {stage} for the first time in {seasons} seasons, sending the travelling
          supporters home in celebratory mood.
        | the cup run

        {team} {part} After {straight} {run}
        | {team} parted company with their head coach on {day} after a run of {straight} {run}
          left the club just above the relegation places, with an assistant taking temporary
          charge for the next match.
        | the coaching change at {team}

        {first} {player} Wins {event} Gold at Continental Championships in {city}
        | {first} {player} won gold in the {event} at the continental championships in {city}
          on {day}, producing the best performance of a career that has been building steadily
          towards a major title.
        | the continental championships

        {team} Sign Striker {first} {player} From {team2} on {years}-Year Deal
        | {team} have signed striker {first} {player} from {team2} on a {years}-year contract,
          the club said on {day}, ending weeks of negotiations over a fee understood to be a club
          record.
        | the transfer of {first} {player}

        {city} {race} Draws Record Field of {runners} Runners
        | A record {runners} runners took part in the {city} {race} on {day}, with organisers
          praising cool, dry conditions and the crowds that lined the route several deep near the
          finish.
        | the {city} {race}

        {club} {edge} {club2} in Overtime to {series}
        | {club} beat {club2} 3-2 in overtime on {day}, with the winning goal coming from a
          deflected shot eight minutes into the extra period after a tense, physical contest in
          front of a sell-out crowd.
        | the playoff series

        {player} Saves {saved} Match Points to Reach {city} Open Final
        | {first} {player} saved {saved} match points in a gripping semi-final on {day} to reach
          the final of the {city} Open, where the top seed awaits after a straightforward win
          earlier in the day.
        | the {city} Open
    """),
    "text": _pools("""
        open: Reaction dominated the local sports pages, and supporters' forums were busy well
            into the night.
          | It was the kind of day that supporters in {city} will talk about for some time.
          | The news capped an eventful week in {city}, where sport has long been a source of
            civic pride.
        context: Attendance has risen this season, helped by cheaper tickets for under-18s and a
            revamped fan zone.
          | Broadcast rights for the competition were renewed last summer in a deal worth
            considerably more than the previous contract.
          | {name}, a former international who now works as a television pundit, said the
            standard of the competition had risen noticeably in recent years.
          | Supporters' groups have called for more investment in youth academies and in the
            ageing facilities at several grounds.
          | Ticket prices, travel costs and fixture scheduling remain sources of frustration for
            fans.
          | The national federation has invested heavily in coaching and facilities over the past
            five years, and officials say the results are starting to show.
          | Injuries have been a recurring theme across the season, testing the depth of several
            leading contenders.
          | Local clubs report a sharp rise in junior registrations, which coaches link to recent
            successes.
        next: Attention now turns to the next round of fixtures, with little time to recover.
          | A busy schedule over the coming weeks will test fitness and depth.
          | Further announcements are expected before the end of {month}.
        sources: Supporters | Former players | Television pundits | Rival coaches
          | Seasoned observers
        claims: the result reflected months of patient work behind the scenes
          | the pressure would only grow from here | there was still plenty to improve
          | the performance had exceeded expectations
          | fitness and squad depth would decide the rest of the season
        quotes: We knew exactly what was at stake, and everyone responded in the right way
          | There is no time to celebrate, we go again straight away
          | It has been a difficult few weeks, but days like this make everything worthwhile
          | The supporters deserve this, they have been with us through some hard times
        speakers: a spokesperson for the organisers | a long-time supporter
          | a veteran coach who has followed the competition for decades
          | a local sports commentator | a board member of the national federation
        subheads: Turning Point | What It Means for the Season | Behind the Scenes
          | The View From the Stands | Looking Ahead
        intro: Several talking points emerged:
    """),
}

INCIDENTS = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("fire|ferry|power|accident|emergency|road|police|rescue"),
    "pools": _pools("""
        building: warehouse | timber yard | recycling plant | furniture factory | shopping arcade
            | apartment block | bus depot
        n: 40 | 65 | 80 | 120 | 200 | 260
        hours: three | four | six | eight
        vessel: ferry | car ferry | island ferry | passenger ferry
        mishap: runs aground | loses power | hits harbour wall | drifts onto sandbank
        storm: storm | gale | ice storm | heavy snow | thunderstorm
        homes: 4,000 | 9,500 | 12,000 | 18,000 | 26,000
        few: two | three | four | five | six
        vehicle: tram | commuter train | sightseeing train
        crash: derails | hits delivery van | collides with bus
        cause: gas leak | burst water main | suspect package | chemical spill | fuel spill
        closed: a primary school | the central station | a shopping centre
            | two residential streets | the old town market | a busy road junction
            | the main post office | a sports centre
        slide: landslide | rockfall | mudslide | avalanche
        road: mountain road | coastal road | highway | pass road
        drivers: 30 | 45 | 60 | 90 | 140 | 75 | 200
        suspects: two | three | four | five
        crime: a string of bicycle thefts | a jewellery shop break-in
            | copper cable thefts on the railway | an online ticket fraud
            | a series of car break-ins | a warehouse burglary | a fake charity collection
            | the theft of farm machinery
        group: hikers | climbers | walkers | cross-country skiers | mountain bikers
        nights: two | three | four | five
        rescued: rescued | found safe | airlifted to safety
        hills: the Varen Hills | the Tarsova Range | the Kelder Highlands | the Saltmere Fells
            | the Dunmarren Moors | the Lindenfeld Peaks
        nth: second | third | fourth
    """),
    "stories": _stories("""
        {building} Fire in {city} Forces Evacuation of {n} Residents
        | Firefighters spent more than {hours} hours bringing a blaze at {building:a} on the edge
          of {city} under control on {day}, and about {n} residents of nearby homes were moved to
          a school hall as a precaution.
        | the fire at the {building}

        {vessel} Carrying {n} Passengers {mishap} Near {city}
        | All {n} passengers on board {vessel:a} were brought safely ashore near {city} on {day}
          after the incident, the coastguard said, adding that an inquiry would examine the
          vessel's engines, crew logs and weather data.
        | the ferry incident

        {storm} Leaves {homes} Homes Without Power in {city}
        | About {homes} homes in and around {city} lost electricity on {day} after the {storm}
          brought down power lines and trees, and the grid operator said some rural areas could
          be without supply for up to two days.
        | the power cuts after the {storm}

        {few} Injured as {vehicle} {crash} in Central {city}
        | {few} people were taken to hospital with minor injuries after an accident involving
          {vehicle:a} in central {city} on {day}, transport officials said, adding that an
          investigation into the cause was under way.
        | the {vehicle} accident

        {cause} Forces Closure of {closed} in {city}
        | Emergency crews sealed off {closed} in {city} for several hours on {day} while
          specialists dealt with {cause:a}, and officials said normal access was restored by the
          evening.
        | the {cause}

        {slide} Blocks {road} Near {city}, Stranding {drivers} Drivers
        | {slide:a} blocked the main {road} near {city} on {day}, leaving about {drivers} drivers
          stranded for several hours before road crews cleared a single lane and police escorted
          vehicles through.
        | the {slide} on the {road}

        Police in {city} Arrest {suspects} Suspects Over {crime}
        | Police in {city} detained {suspects} people on {day} in connection with {crime}, a
          spokesperson for the force said, adding that officers had recovered stolen property and
          further arrests were possible.
        | the investigation into {crime}

        {group} {rescued} After {nights} Nights Lost in {hills}
        | {group} who had been missing for {nights} nights in {hills} were found cold but
          unharmed on {day}, after a helicopter crew spotted a torch signal from a ridge above the
          tree line.
        | the search in {hills}
    """),
    "text": _pools("""
        open: Emergency services were called shortly after the alarm was raised and remained at
            the scene for much of the day.
          | Photographs shared by residents showed emergency vehicles lining the surrounding
            streets.
          | Local authorities set up an information line for worried relatives and residents.
        context: It was the {nth} serious incident in the area this year, according to local
            emergency service records.
          | Investigators were expected to return to the scene the following morning to gather
            further evidence.
          | {name}, who lives nearby, said the first sign of trouble was the sound of sirens.
          | The emergency services have faced staff shortages in recent years, though officials
            said the response on this occasion was quick.
          | Residents' groups have previously raised safety concerns about the area with the
            local council.
          | Traffic was diverted for several hours, causing delays across the surrounding
            district.
          | Officials urged people to avoid speculation on social media and to rely on official
            updates.
        next: An official investigation is expected to take several weeks.
          | The authorities said they would publish an update once initial inquiries were
            complete.
          | Local officials said a review of safety procedures would be completed by the end of
            {month}.
        sources: Neighbours | Witnesses | Local councillors | Emergency planners
          | Safety campaigners
        claims: the response had been quick and well organised
          | the area had seen similar problems before
          | it was a relief that no one had been seriously hurt
          | more should be done to prevent a repeat
          | information had been slow to reach residents at first
        quotes: Our priority was making sure everyone was safe, and I want to thank residents for
            their patience
          | It was frightening, but the emergency services were there within minutes
          | We will look carefully at what happened and whether anything could have been done
            differently
          | I have lived here for thirty years and have never seen anything like it
        speakers: a spokesperson for the regional fire and rescue service
          | the duty commander at the scene | a police spokesperson
          | a resident of a nearby street | a local councillor
        subheads: At the Scene | What Is Known So Far | Questions for the Authorities
          | Residents Describe the Day | The Investigation
        intro: Here is what is known so far:
    """),
}

BUSINESS = {
    # The subject of each story below, in order (see SUBJECTS).
    "subjects": _opts("jobs|profit-up|profit-down|deal|rates|investors|port|strike"),
    "pools": _pools("""
        company: Norlake Freight | Varenholm Shipping | Castellara Steelworks | Brightwater Foods
            | Tarsova Motors | Kelderwick Textiles | Meridan Airways | Oskarvik Paper
            | Belmora Chemicals | Saltmere Electric | Aldmouth Cement | Dunmarren Dairies
            | Corvel Pharma | Elvanstad Glassworks
        jobs: 250 | 400 | 600 | 900 | 1,500 | 2,300
        reason: orders slow | energy costs climb | demand weakens | it moves production abroad
            | online sales fall short | it closes two plants | costs rise | it automates warehouses
        pct: 4 | 7 | 9 | 12 | 18 | 23 | 31
        rise: jumps | rises | climbs
        market: electric vehicle | export | holiday travel | home renovation | defence
            | data centre
        fall: falls | slips | drops
        headwind: higher energy costs | weaker exports | a supermarket price war
            | rising wage bills | costlier raw materials
        amount: $480 million | $750 million | $920 million | $1.2 billion | $2.6 billion
            | $3.4 billion
        rate: 3.75 | 4 | 4.25 | 4.5 | 5.25 | 6
        concern: sticky inflation | weak growth | a strong currency | rising wages
            | cooling demand | volatile energy prices
        startup: Lumora | Gridhaven | Fernleaf Robotics | Quillpath | Tessel Labs
            | Nordwind Analytics | Brightfold | Orbel Systems
        m: 12 | 18 | 25 | 40 | 65 | 90 | 120
        product: warehouse robot | home battery | farm drone | payroll software | cold storage
            | e-bike | solar roof | telehealth
        handle: handles | reports
        cargo: container | grain | vehicle | timber | fruit | steel
        trend: despite slowing trade | as shipping lines reroute | despite labour shortages
            | as exports recover
        accept: accept | back
        raise: 3.5 | 4 | 5 | 6 | 7 | 8 | 9 | 11
        weeks: two | three | five | six | seven | nine | ten
        industry: shipbuilding | steelmaking | food processing | logistics | light engineering
        growth: 1.1 | 1.4 | 1.8 | 2.2
    """),
    "stories": _stories("""
        {company} to Cut {jobs} Jobs as {reason}
        | {company} said on {day} it would cut {jobs} jobs over the next year as {reason}, in a
          move unions described as a heavy blow to the towns that depend on its plants and
          offices.
        | the job cuts at {company}

        {company} Profit {rise} {pct} Percent on Strong {market} Demand
        | {company} reported {pct:a} percent rise in quarterly profit on {day}, driven by strong
          demand in its {market} business, and raised its forecast for the full year, sending its
          shares higher in early trading.
        | the quarterly results at {company}

        {company} Profit {fall} {pct} Percent on {headwind}
        | {company} said on {day} that quarterly profit fell {pct} percent, hit by {headwind},
          and it trimmed its outlook for the full year, sending its shares lower in early
          trading.
        | the quarterly results at {company}

        {company} Agrees to Buy {company2} in {amount} Deal
        | {company} has agreed to buy rival {company2} for {amount}, the companies said on {day},
          creating one of the largest groups in the sector, subject to approval from competition
          regulators.
        | the takeover of {company2}

        {country} Central Bank Holds Rates at {rate} Percent Amid {concern}
        | The central bank of {country} kept its benchmark interest rate at {rate} percent on
          {day}, as most economists had expected, and said it would keep a close eye on {concern}
          before deciding its next move.
        | the central bank's rate decision

        {startup} Raises ${m} Million to Expand Its {product} Business
        | {startup}, which is based in {city}, said on {day} it had raised ${m} million from
          investors to expand its {product} business, hire engineers and open its first sales
          office abroad.
        | the fundraising at {startup}

        Port of {city} {handle} Record {cargo} Volumes {trend}
        | The port of {city} handled record {cargo} shipments in the first half of the year, its
          operator said on {day}, pointing to new cranes, longer opening hours and shipping lines
          diverting vessels from congested hubs.
        | the port's record year

        {company} Workers {accept} {raise} Percent Pay Rise, Ending {weeks}-Week Strike
        | Workers at {company} voted on {day} to accept a pay offer worth {raise} percent over two
          years, ending a {weeks}-week strike that had halted production and disrupted deliveries
          to customers across the region.
        | the pay dispute at {company}
    """),
    "text": _pools("""
        open: The news followed weeks of speculation in the financial press.
          | Executives and officials briefed analysts on a call shortly after the announcement.
          | Markets reacted cautiously, with the main share index ending the day little changed.
        context: {city} has long been a centre for {industry}, and the fortunes of its biggest
            employers are closely watched by local officials.
          | Manufacturers across the region have struggled with higher financing costs since
            interest rates began rising three years ago.
          | Economists expect growth of about {growth} percent this year, slower than the
            government's official forecast.
          | Consumer confidence has improved slightly in recent months, but households remain wary
            of large purchases.
          | {name}, a senior economist at Castellara Capital, said recent data pointed to an
            economy that was adjusting rather than contracting.
          | Energy costs remain well above their pre-crisis levels, squeezing margins for heavy
            industry in particular.
          | Exporters have benefited from a weaker currency this year, though import costs have
            risen as a result.
          | Bank lending to smaller firms has slowed, according to the latest central bank survey.
        next: The next set of quarterly figures, due in {month}, will show whether the trend
            holds.
          | Analysts will be watching closely for any change in guidance over the coming weeks.
          | Attention now turns to the wider earnings season, which gets under way later this
            month.
        sources: Analysts | Investors | Trade unions | Rival executives | Economists
        claims: the figures were broadly in line with expectations
          | the outlook for the rest of the year remained uncertain
          | the strategy made sense but would take time to pay off
          | costs would remain the biggest challenge for the sector
          | the market had already priced in much of the news
        intro: Some background:
        quotes: The underlying business is sound, but the environment has become much harder to
            predict
          | Investors will want to see that these numbers can be sustained for more than one
            quarter
          | What matters for workers and suppliers is whether jobs and contracts are secure
          | Nobody should read too much into a single announcement, but the direction is clear
        speakers: a senior analyst at Marrowgate Securities
          | an economist at the Belmora Institute for Economic Research
          | a union official in {city} | a fund manager at Castellara Capital
          | a spokesperson for the regional chamber of commerce
        subheads: Market Reaction | What Analysts Say | Jobs and Suppliers
    """),
}

# World, Russia and Society share these public-affairs sentences.
CIVIC = _pools("""
    context: {name}, an analyst who has followed {topic} closely, said the coming weeks would show
        how much had really changed.
      | Public interest in {topic} has grown in recent months, helped by a series of reports in
        the local press.
      | Surveys suggest public confidence in institutions has slipped over the past two years,
        particularly outside the largest cities.
      | Local newspapers and broadcasters have given the story prominent coverage all week.
    next: A fuller update is expected in {month}.
      | Officials have promised to publish more details in the coming weeks.
      | Observers expect {topic} to remain a subject of public debate for months to come.
      | A public briefing in {where} is planned for later this month.
    sources: Opposition politicians | Independent analysts | Community leaders in {where}
      | Several residents interviewed on {day} | Campaigners who have followed {topic} closely
      | Local officials
    claims: the details would matter more than the headline figures
      | the news was welcome but raised questions about what comes next
      | a clear plan for the months ahead was now needed
      | public trust would depend on how the next few months were handled
      | the story reflected pressures that had been building for years
      | local voices were too often left out of decisions of this kind
    subheads: What Happens Next | Why It Matters | A Long-Running Debate | Reaction in {where}
      | The Wider Picture
    intro: Some background:
""")

# What each story's photo shows, by subject: the keyword its headline or lead always contains
# (so a test can check a photo belongs to its story), the caption and alt text of the photo
# drawn for it (demo/photos.py SCENES), and a correction written for that kind of story.
# Opinion columns have no subject: they lead with their columnist, as opinion pages do.
SUBJECTS: dict[str, dict[str, str]] = {
    # world
    "talks": {
        "keyword": "talks",
        "caption": "Delegations take their places at the table as talks resume.",
        "alt": "Two rows of delegates face each other across a long table under two flags",
        "correction": "An earlier version of this story said the talks had been paused for a "
        "year; the pause lasted {months} months.",
    },
    "coalition": {
        "keyword": "coalition",
        "caption": "Flags fly outside the parliament building after the coalition collapsed.",
        "alt": "A pale parliament building with columns and a row of flags in front",
        "correction": "An earlier version of this story misstated the number of parties in the "
        "coalition; there were three, not four.",
    },
    "floods": {
        "keyword": "flood",
        "caption": "Floodwater covers the streets of a riverside town up to the windows.",
        "alt": "Houses stand in brown floodwater under a grey sky",
        "correction": "An earlier version of this story gave the wrong river as the source of "
        "the worst flooding in {compass} {country}.",
    },
    "summit": {
        "keyword": "summit",
        "caption": "Leaders sit down for the closing session of the summit.",
        "alt": "Delegates around a long conference table beneath a row of national flags",
        "correction": "An earlier version of this story said the summit lasted three days; "
        "it lasted two.",
    },
    "diplomats": {
        "keyword": "diplomats",
        "caption": "Cars wait at the gates of the embassy after the diplomats were told to leave.",
        "alt": "A dark car waits at the iron gates of an embassy building with a flag",
        "correction": "An earlier version of this story said {few} diplomats had been given a "
        "week to leave; they were given 72 hours.",
    },
    "ballots": {
        "keyword": "ballots",
        "caption": "Election officials count ballots after the polls closed.",
        "alt": "A clear ballot box full of folded papers on a table with tally sheets",
        "correction": "An earlier version of this story gave the share of ballots counted as "
        "{pct} percent at the time of the first announcement; it was lower.",
    },
    "border": {
        "keyword": "border",
        "caption": "Trucks queue at the border crossing as the barrier lifts.",
        "alt": "A queue of lorries waits at a striped barrier beside a border post",
        "correction": "An earlier version of this story said the border crossing closed in "
        "{year} for repairs; it closed over a dispute between the two governments.",
    },
    # russia
    "heating": {
        "keyword": "heat",
        "caption": "Steam rises from the boiler plant as heating reaches snow-covered "
        "apartment blocks.",
        "alt": "Snow-covered apartment blocks beside a boiler plant chimney giving off steam",
        "correction": "An earlier version of this story said schools would get heat last; "
        "schools and hospitals were connected first.",
    },
    "bridge": {
        "keyword": "bridge",
        "caption": "The new bridge spans the river on its opening day.",
        "alt": "A long bridge on concrete piers crosses a wide river lined with trees",
        "correction": "An earlier version of this story gave the length of the new bridge "
        "across the {river} as two kilometres; it is 1.2 kilometres long.",
    },
    "repair": {
        "keyword": "repair",
        "caption": "Roofers repair a rural school building ahead of winter.",
        "alt": "A single-storey wooden building with scaffolding along one wall",
        "correction": "An earlier version of this story said the repair programme would run "
        "for five years; it runs for three.",
    },
    "wildfires": {
        "keyword": "wildfires",
        "caption": "Smoke from the wildfires rises over the forest.",
        "alt": "Orange flames and thick smoke above a line of dark conifers",
        "correction": "An earlier version of this story said the wildfires had reached a "
        "village near {town}; no settlement has been touched.",
    },
    "flights": {
        "keyword": "flights",
        "caption": "A regional airliner on the runway; direct flights resume on the route.",
        "alt": "A small white passenger plane climbing above a runway",
        "correction": "An earlier version of this story said direct flights would run daily; "
        "they will run three times a week.",
    },
    "harvest": {
        "keyword": "harvest",
        "caption": "A combine brings in the harvest on a collective farm's fields.",
        "alt": "A red combine harvester crosses a golden field under a blue sky",
        "correction": "An earlier version of this story gave the wrong year for the previous "
        "record {crop} harvest.",
    },
    "factory": {
        "keyword": "plan",
        "caption": "The disused factory at the centre of the redevelopment plan.",
        "alt": "An old brick factory with broken windows and a tall chimney",
        "correction": "An earlier version of this story said the plan had been approved; "
        "it is still under discussion.",
    },
    "clinic": {
        "keyword": "health",
        "caption": "A village health centre that is due to get new staff this year.",
        "alt": "A small white clinic with a red cross sign by a snowy road",
        "correction": "An earlier version of this story named the wrong ministry; the scheme "
        "is run by the regional health ministry.",
    },
    # society
    "homes": {
        "keyword": "homes",
        "caption": "Cranes over the site where the new affordable homes will be built.",
        "alt": "Two tower cranes above a half-built apartment block",
        "correction": "An earlier version of this story said the homes would be for sale; "
        "they will be let at below-market rents.",
    },
    "union": {
        "keyword": "union",
        "caption": "Union members hold placards outside their workplace.",
        "alt": "A line of people holding placards stands outside a brick building",
        "correction": "An earlier version of this story named the wrong union as organising "
        "the action over {grievance}.",
    },
    "waits": {
        "keyword": "health",
        "caption": "An ambulance outside a hospital; health officials say waits are falling.",
        "alt": "A yellow and green ambulance parked outside a hospital entrance",
        "correction": "An earlier version of this story credited the improvement to health "
        "officials in the wrong city.",
    },
    "bus": {
        "keyword": "bus",
        "caption": "Passengers board a city bus at a stop in the centre.",
        "alt": "A green city bus at a stop with people climbing aboard",
        "correction": "An earlier version of this story said the free bus travel scheme began "
        "in January; it begins in {month}.",
    },
    "survey": {
        "keyword": "survey",
        "caption": "Flats to let in the city centre, where the survey found rents weigh "
        "on the young.",
        "alt": "An apartment block with 'to let' signs in several windows",
        "correction": "An earlier version of this story gave the survey's sample size as "
        "10,000; it was 2,000.",
    },
    "foodbank": {
        "keyword": "food",
        "caption": "Volunteers sort donated food into boxes at a new food bank.",
        "alt": "Shelves and cardboard boxes filled with tins and packets",
        "correction": "An earlier version of this story said the food banks were run by the "
        "council; they are run by {who}.",
    },
    "reopening": {
        "keyword": "renovation",
        "caption": "The building's restored front after the renovation.",
        "alt": "A restored stone building with a banner and steps up to its doors",
        "correction": "An earlier version of this story gave the cost of the renovation in "
        "the wrong currency.",
    },
    "protest": {
        "keyword": "protest",
        "caption": "Marchers carry banners through the centre during the protest.",
        "alt": "A crowd with banners and placards fills a street",
        "correction": "An earlier version of this story said police estimated the protest at "
        "double its size; that was the organisers' figure.",
    },
    # science
    "battery": {
        "keyword": "battery",
        "caption": "Cells of the new battery on a laboratory bench.",
        "alt": "A row of cylindrical battery cells wired to a test rig",
        "correction": "An earlier version of this story said the battery was ready for "
        "production; the researchers say that is years away.",
    },
    "telescope": {
        "keyword": "telescopes",
        "caption": "The observatory's telescopes under a clear night sky.",
        "alt": "A white observatory dome open to a sky full of stars",
        "correction": "An earlier version of this story said the telescopes detected the "
        "object last year; the paper was published on {day}.",
    },
    "species": {
        "keyword": "species",
        "caption": "Sea life on the seabed, where the survey recorded the new species.",
        "alt": "Fish and pale sea creatures over a dark blue seabed",
        "correction": "An earlier version of this story gave the number of new species as "
        "more than a hundred; it is {species}.",
    },
    "core": {
        "keyword": "drilled",
        "caption": "The camp on the ice sheet where the sample was drilled.",
        "alt": "Red tents and a drilling tower on a white ice sheet below mountains",
        "correction": "An earlier version of this story said the core was drilled in rock; "
        "it is {core:a}.",
    },
    "trial": {
        "keyword": "trial",
        "caption": "Doses of the treatment prepared for the trial.",
        "alt": "Rows of small glass vials and a syringe on a blue tray",
        "correction": "An earlier version of this story gave the number of patients in the "
        "trial as 20 times the real figure.",
    },
    "wildlife": {
        "keyword": "numbers",
        "caption": "Birds over a wetland, where volunteers count animal numbers each year.",
        "alt": "Birds flying low over reeds and still water at dawn",
        "correction": "An earlier version of this story said the numbers were counted by "
        "satellite alone; volunteers in the field took part.",
    },
    "robot": {
        "keyword": "robot",
        "caption": "The robot's arm at work in the laboratory.",
        "alt": "An orange robot arm with a gripper above a workbench",
        "correction": "An earlier version of this story said the robot was already on sale; "
        "it is a research prototype.",
    },
    # sport
    "league": {
        "keyword": "league",
        "caption": "Players contest the ball during the league match.",
        "alt": "Football players in red and blue shirts on a floodlit pitch",
        "correction": "An earlier version of this story gave the wrong league position for "
        "{team2} before the match.",
    },
    "hattrick": {
        "keyword": "hat-trick",
        "caption": "The ball hits the net for the third goal of the hat-trick.",
        "alt": "A football in the back of a goal net in front of a packed stand",
        "correction": "An earlier version of this story credited one goal of the hat-trick "
        "to a teammate of {first} {player}.",
    },
    "coach": {
        "keyword": "coach",
        "caption": "The empty dugout after the coach's departure.",
        "alt": "An empty team dugout with blue seats beside a football pitch",
        "correction": "An earlier version of this story said the assistant coach had been "
        "dismissed too; he takes temporary charge.",
    },
    "championships": {
        "keyword": "championships",
        "caption": "The podium at the continental championships.",
        "alt": "Three athletes on a podium, the winner raising both arms",
        "correction": "An earlier version of this story gave the wrong host city for the "
        "previous championships.",
    },
    "transfer": {
        "keyword": "striker",
        "caption": "The new striker's shirt, held up at the signing.",
        "alt": "A football shirt with the number nine held up against a stadium",
        "correction": "An earlier version of this story said the striker signed a "
        "one-year deal; the contract runs for {years} years.",
    },
    "runners": {
        "keyword": "runners",
        "caption": "Runners fill the road early in the race.",
        "alt": "A crowd of runners in bright vests on a city road, spectators at the side",
        "correction": "An earlier version of this story gave the number of runners as the "
        "number who registered; {runners} started the race.",
    },
    "overtime": {
        "keyword": "overtime",
        "caption": "Players battle for the puck before the overtime winner.",
        "alt": "Ice hockey players chase a puck on a white rink by the boards",
        "correction": "An earlier version of this story said the overtime winner came in the "
        "second minute; it came in the eighth.",
    },
    "tennis": {
        "keyword": "final",
        "caption": "The centre court, where the final is played.",
        "alt": "A blue hard tennis court with white lines and a net, seen from above",
        "correction": "An earlier version of this story gave the wrong number of match points "
        "saved on the way to the final; it was {saved}.",
    },
    # incidents
    "fire": {
        "keyword": "fire",
        "caption": "Firefighters tackle the fire from a ladder as smoke pours from the roof.",
        "alt": "Flames and black smoke from a roof, a fire engine ladder raised beside it",
        "correction": "An earlier version of this story said the fire started in a "
        "neighbouring building; it began in the {building}.",
    },
    "ferry": {
        "keyword": "ferry",
        "caption": "The ferry lies offshore as the coastguard brings passengers ashore.",
        "alt": "A white ferry with a red stripe on grey water, a small boat beside it",
        "correction": "An earlier version of this story gave the ferry's home port as "
        "{city}; it sails from a neighbouring town.",
    },
    "power": {
        "keyword": "power",
        "caption": "Power lines brought down by the storm lie across a road.",
        "alt": "A leaning pylon and fallen cables under a dark stormy sky",
        "correction": "An earlier version of this story said power would be back within a "
        "day everywhere; some rural areas may wait two.",
    },
    "accident": {
        "keyword": "accident",
        "caption": "The tram at the scene of the accident, as emergency crews work.",
        "alt": "A tram stopped on its tracks with emergency lights beside it",
        "correction": "An earlier version of this story said the accident happened at a "
        "level crossing; it happened at a junction in the centre.",
    },
    "emergency": {
        "keyword": "emergency",
        "caption": "Emergency crews behind the cordon.",
        "alt": "Police tape across a street, emergency vehicles with blue lights behind it",
        "correction": "An earlier version of this story said the emergency closure lasted "
        "all day; access was restored by the evening.",
    },
    "road": {
        "keyword": "road",
        "caption": "Rocks and mud cover the road below the slope.",
        "alt": "A mountain road covered by fallen rocks and mud below a steep slope",
        "correction": "An earlier version of this story said the road would stay shut for a "
        "week; one lane has reopened.",
    },
    "police": {
        "keyword": "police",
        "caption": "A police car outside the station after the arrests.",
        "alt": "A white and blue police car parked at night under a street lamp",
        "correction": "An earlier version of this story said police had charged the "
        "suspects; they have been detained and not yet charged.",
    },
    "rescue": {
        "keyword": "helicopter",
        "caption": "A rescue helicopter over the hills during the search.",
        "alt": "A red helicopter hovering above a rocky ridge",
        "correction": "An earlier version of this story said a mountain team spotted the "
        "group; the helicopter crew did.",
    },
    # business
    "jobs": {
        "keyword": "jobs",
        "caption": "The company's plant, where some of the jobs will go.",
        "alt": "A long factory building with a chimney behind a fence and a closed gate",
        "correction": "An earlier version of this story gave the number of jobs to be cut as "
        "the company's total staff in the region.",
    },
    "profit-up": {
        "keyword": "profit",
        "caption": "The share price climbs after the profit figures.",
        "alt": "A green line chart of a share price rising to the right",
        "correction": "An earlier version of this story said quarterly profit rose by "
        "{pct} percent in the full year; the rise was for the quarter.",
    },
    "profit-down": {
        "keyword": "profit",
        "caption": "The share price falls after the profit warning.",
        "alt": "A red line chart of a share price falling to the right",
        "correction": "An earlier version of this story said profit fell for a second "
        "quarter; it was the first fall in two years.",
    },
    "deal": {
        "keyword": "deal",
        "caption": "The two companies' head offices; the deal needs regulators' approval.",
        "alt": "Two glass office towers side by side against a cloudy sky",
        "correction": "An earlier version of this story gave the deal's value in euros; "
        "it is {amount}.",
    },
    "rates": {
        "keyword": "rate",
        "caption": "The central bank's headquarters on the day of the rate decision.",
        "alt": "A grey stone building with columns and wide steps",
        "correction": "An earlier version of this story said the central bank cut its rate; "
        "it held it at {rate} percent.",
    },
    "investors": {
        "keyword": "investors",
        "caption": "The start-up's office, which investors' money will expand.",
        "alt": "An open-plan office with desks, screens and plants",
        "correction": "An earlier version of this story named the wrong lead among the "
        "investors in the round.",
    },
    "port": {
        "keyword": "port",
        "caption": "Cranes load a container ship at the port.",
        "alt": "A red container ship under orange cranes at a quay",
        "correction": "An earlier version of this story said the port handled record volumes "
        "for the full year; the record is for the first half.",
    },
    "strike": {
        "keyword": "strike",
        "caption": "Workers back on the production line after the strike.",
        "alt": "Workers in overalls beside machines on a long factory floor",
        "correction": "An earlier version of this story gave the length of the strike as "
        "{weeks} months; it lasted {weeks} weeks.",
    },
}

SECTION_DATA = {
    "world": WORLD,
    "russia": RUSSIA,
    "society": SOCIETY,
    "opinion": OPINION,
    "science": SCIENCE,
    "sport": SPORT,
    "incidents": INCIDENTS,
    "business": BUSINESS,
}
CIVIC_SECTIONS = frozenset({"world", "russia", "society"})
PLACE_KEY = {"world": "country", "russia": "town"}  # every other section is set in a city
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"]
)
SENTENCES_PER_PARAGRAPH = (2, 3, 3, 3, 4, 4, 5)
WEIGHT_CAP = 4000
NEWS_QUOTE_FORMS = (
    LQ + "{q}," + RQ + " said {s}.",
    LQ + "{q}," + RQ + " {m} told reporters.",
    "{M} said: " + LQ + "{q}." + RQ,
)
OPINION_QUOTE_FORMS = (
    LQ + "{q}," + RQ + " {m} told me.",
    "As {m} put it to me: " + LQ + "{q}." + RQ,
    LQ + "{q}," + RQ + " says {s}.",
)
NEWS_REACTION_FORMS = (
    "{source} said {claim}.",
    "According to {lower}, {claim}.",
    "{source} told reporters {claim}.",
)
OPINION_REACTION_FORMS = (
    "{source} will argue that {claim}.",
    "{source} will say that {claim}.",
    "{source} like to remind us that {claim}.",
)

BIO = _pools("""
    beat: regional politics | public health | energy and climate | transport and cities
        | courts and policing | technology | education | foreign affairs
    interest: local budgets | the housing market | rural communities | scientific research
        | labour rights | the Arctic | elections | sport and society
    duty: the overnight homepage | weekend features | breaking news coverage
        | the morning newsletter | long-form investigations | live coverage of major events
    outlet: Varenholm Courier | Castellara Evening Post | Northern Coast Gazette
        | Meridan Daily Ledger | Oskarvik Tribune | Saltmere Observer
    years: four | six | eight | ten | twelve
    previous: local government | business | the courts | sport | education | health
    subject: history | economics | journalism | physics | political science | modern languages
        | geography
    university: Castellara University | Aldmouth University | Marrowgate University
    extra: speaks three languages | is a keen long-distance runner
        | has written a book on urban planning | volunteers with a local literacy charity
        | sings in a community choir
""")
DESKS = {
    "world": "foreign",
    "russia": "Russia",
    "society": "social affairs",
    "opinion": "opinion",
    "science": "science",
    "sport": "sports",
    "incidents": "news",
    "business": "business",
}
AUTHOR_TITLES = {
    "world": _opts("Foreign correspondent|Diplomatic correspondent|International affairs reporter"),
    "russia": _opts("Russia correspondent|Regional affairs reporter|Siberia correspondent"),
    "society": _opts("Social affairs correspondent|Education reporter|Health reporter"),
    "opinion": _opts("Columnist|Political columnist|Contributing columnist"),
    "science": _opts("Science correspondent|Environment reporter|Health and science reporter"),
    "sport": _opts("Sports reporter|Football correspondent|Chief sports writer"),
    "incidents": _opts("Crime reporter|News reporter|Emergency services correspondent"),
    "business": _opts("Business reporter|Economics correspondent|Markets reporter"),
}


class _Formatter(string.Formatter):
    """str.format with one extra spec: "{x:a}" prefixes the value with "a" or "an"."""

    def format_field(self, value, format_spec):
        if format_spec == "a":
            return _with_article(value)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


class _Fills(dict):
    """Placeholder values drawn lazily from the pools, so one article stays self-consistent.

    With `anchor` set, each value is drawn from a stream seeded by the anchor and its key alone,
    so separate calls for the same headline agree whatever order they ask for values in.
    """

    def __init__(
        self, rng: random.Random, section: str, preset: dict | None = None, anchor: str = ""
    ):
        super().__init__(preset or {})
        self.rng, self.section, self.anchor = rng, section, anchor
        self.names: set[str] = set()

    def __missing__(self, key: str) -> str:
        if key == "name":
            return self._new_name()  # not cached: every mention introduces a different person
        if key == "where":
            value = self[PLACE_KEY.get(self.section, "city")]
        else:
            base = key.rstrip(string.digits)
            number = int(key[len(base) :] or 1)
            # "country2" must differ from "country", and "country3" from both.
            taken = {self[base + (str(n) if n > 1 else "")] for n in range(1, number)}
            options = [v for v in _pool(self.section, base) if v not in taken]
            draw = random.Random(f"{self.anchor}/{key}") if self.anchor else self.rng
            value = draw.choice(options)
        self[key] = value
        return value

    def _new_name(self) -> str:
        while True:
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            if name not in self.names:
                self.names.add(name)
                return name


def _pool(section: str, base: str) -> list[str]:
    return SECTION_DATA[section]["pools"].get(base) or COMMON[base]


def _with_article(phrase: str) -> str:
    word = phrase.split()[0].lower()
    vowel_sound = word[0] in "aeiou" and not word.startswith(("one", "uni", "use", "euro"))
    if vowel_sound or word.startswith(("8", "hour", "honest")) or re.match(r"1[18](?!\d)", word):
        return f"an {phrase}"
    return f"a {phrase}"


def _render(template: str, fills: _Fills) -> str:
    text = _FORMATTER.vformat(template, (), fills)
    return text[:1].upper() + text[1:]


def _title(text: str) -> str:
    words = text.split(" ")
    titled = []
    for index, word in enumerate(words):
        starts_clause = index == 0 or words[index - 1].endswith((".", ":"))
        if not starts_clause and word.lower() in SMALL_WORDS:
            titled.append(word.lower())
        else:
            titled.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(titled)


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in _FORMATTER.parse(template) if field]


@functools.cache
def _story_weights(section: str) -> list[int]:
    # Weighting templates by how many distinct headlines each can produce keeps repeats rare.
    weights = []
    for story in SECTION_DATA[section]["stories"]:
        variety, seen = 1, []
        for field in _fields(story[0]):
            base = field.rstrip(string.digits)
            variety *= max(len(_pool(section, base)) - seen.count(base), 1)
            seen.append(base)
        weights.append(min(variety, WEIGHT_CAP))
    return weights


@functools.cache
def _matcher(section: str, template: str) -> re.Pattern[str]:
    parts = []
    for literal, field, _, _ in _FORMATTER.parse(template):
        parts.append(re.escape(literal))
        if field:
            options = sorted(_pool(section, field.rstrip(string.digits)), key=len, reverse=True)
            parts.append(f"(?P<{field}>{'|'.join(map(re.escape, options))})")
    return re.compile("".join(parts), re.IGNORECASE)


def _canonical(section: str, key: str, value: str) -> str:
    for option in _pool(section, key.rstrip(string.digits)):
        if option.lower() == value.lower():
            return option
    return value


def _story_context(rng: random.Random, section: str, title: str) -> tuple[tuple, _Fills]:
    """Recover the template and fill-ins behind a generated headline, so copy stays on topic."""
    # Facts the headline leaves open (weekday, home city, ...) are derived from the headline
    # itself, so that the lead and the body, generated by separate calls, agree on them.
    for story in SECTION_DATA[section]["stories"]:
        match = _matcher(section, story[0]).fullmatch(title.strip())
        if match:
            preset = {k: _canonical(section, k, v) for k, v in match.groupdict().items()}
            return story, _Fills(rng, section, preset, anchor=title)
    # A hand-written headline still gets section-appropriate copy, just not topic-matched.
    story = rng.choices(SECTION_DATA[section]["stories"], weights=_story_weights(section))[0]
    return story, _Fills(rng, section, anchor=title)


@functools.cache
def _text(section: str) -> dict[str, list[str]]:
    own = SECTION_DATA[section]["text"]
    if section not in CIVIC_SECTIONS:
        return own
    return {key: own.get(key, []) + CIVIC.get(key, []) for key in own.keys() | CIVIC.keys()}


def person_names(rng: random.Random, count: int) -> list[str]:
    """Return `count` distinct invented full names drawn from an international mix."""
    if count > len(FIRST_NAMES) * len(LAST_NAMES):
        raise ValueError(f"cannot invent {count} distinct names")
    fills = _Fills(rng, "world")
    return [fills["name"] for _ in range(count)]


def headline(rng: random.Random, section: str) -> str:
    stories = SECTION_DATA[section]["stories"]
    story = rng.choices(stories, weights=_story_weights(section))[0]
    return _title(_render(story[0], _Fills(rng, section)))


def lead(rng: random.Random, section: str, headline: str) -> str:
    story, fills = _story_context(rng, section, headline)
    return _render(story[1], fills)


def _quote(rng: random.Random, section: str, fills: _Fills, quote: str, role: str) -> str:
    role = _render(role, fills)
    role = role[:1].lower() + role[1:]
    named = rng.random() < 0.7
    last = f"{fills['name']}, {role}" if named else role
    mid = f"{last}," if named else last  # a name's appositive must be closed mid-sentence
    forms = OPINION_QUOTE_FORMS if section == "opinion" else NEWS_QUOTE_FORMS
    return rng.choice(forms).format(q=quote, s=last, m=mid, M=mid[:1].upper() + mid[1:])


def _reactions(rng: random.Random, section: str) -> list[str]:
    text = _text(section)
    forms = OPINION_REACTION_FORMS if section == "opinion" else NEWS_REACTION_FORMS
    count = 3 if section == "opinion" else 4  # a column should not dwell on its critics
    pairs = zip(rng.sample(text["sources"], count), rng.sample(text["claims"], count), strict=True)
    return [
        rng.choice(forms).format(source=source, lower=source[:1].lower() + source[1:], claim=claim)
        for source, claim in pairs
    ]


def body_html(rng: random.Random, section: str, headline: str) -> str:
    story, fills = _story_context(rng, section, headline)
    fills["topic"] = _FORMATTER.vformat(story[2], (), fills)
    text = _text(section)
    opening, closing = rng.sample(text["open"], 3), rng.sample(text["next"], 3)
    context, reactions = rng.sample(text["context"], len(text["context"])), _reactions(rng, section)
    # Repeating the topic phrase in more than one middle sentence reads as padding.
    topical = [s for s in context + reactions if "{topic" in s]
    for sentence in topical[1:]:
        (context if sentence in context else reactions).remove(sentence)

    def draw(*pools: list[str]) -> str:
        return _render(next(pool for pool in pools if pool).pop(), fills)

    list_items = [draw(context) for _ in range(3)] if rng.random() < 0.35 else []
    supply = len(context) + len(reactions)
    # Each middle paragraph needs two sentences; the quote paragraph brings one of its own.
    middle = min(rng.randint(3, 7), (supply + 1) // 2)
    sizes = [rng.choice(SENTENCES_PER_PARAGRAPH) for _ in range(middle)]
    while sum(sizes) - 1 > supply:
        sizes[sizes.index(max(sizes))] -= 1
    quote_at = rng.randint(1, 2)
    list_at = rng.randint(1, middle) if list_items else None
    quotes, speakers = rng.sample(text["quotes"], 2), rng.sample(text["speakers"], 2)

    paragraphs = [[draw(opening) for _ in range(rng.randint(2, 3))]]
    for index, size in enumerate(sizes, start=1):
        size = min(size, 4) if index == list_at else size  # leaves room for the list intro
        if index == quote_at:
            sentences = [_quote(rng, section, fills, quotes[0], speakers[0])]
            sentences += [draw(reactions, context) for _ in range(size - 1)]
        else:
            pools = (context, reactions) if rng.random() < 0.7 else (reactions, context)
            sentences = [draw(*pools) for _ in range(size)]
        paragraphs.append(sentences + (text["intro"][:1] if index == list_at else []))
    paragraphs.append([draw(closing) for _ in range(rng.randint(2, 3))])

    count = len(paragraphs)
    headings = rng.sample(text["subheads"], 2 if count < 7 else rng.randint(2, 3))
    positions = sorted(rng.sample(range(2, count), len(headings)))
    heading_at = dict(zip(positions, headings, strict=True))
    blockquote_at = rng.randint(quote_at, count - 2) if rng.random() < 0.4 else None
    parts = []
    for index, sentences in enumerate(paragraphs):
        if index in heading_at:
            heading = _title(_render(heading_at[index], fills))
            parts.append(f"<h2>{html.escape(heading, quote=False)}</h2>")
        parts.append(f"<p>{html.escape(' '.join(sentences), quote=False)}</p>")
        if index == list_at:
            items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in list_items)
            parts.append(f"<ul>{items}</ul>")
        if index == blockquote_at:
            pull = html.escape(_quote(rng, section, fills, quotes[1], speakers[1]), quote=False)
            parts.append(f"<blockquote><p>{pull}</p></blockquote>")
    return "\n".join(parts)


def tags_for(rng: random.Random, section: str) -> list[str]:
    return rng.sample(TAGS[section], rng.randint(2, 4))


def story_subject(section: str, headline: str) -> str | None:
    """The SUBJECTS key of a generated headline's story (None for a column or a stranger)."""
    data = SECTION_DATA[section]
    for story, subject in zip(data["stories"], data["subjects"], strict=True):
        if _matcher(section, story[0]).fullmatch(headline.strip()):
            return subject
    return None


def headline_key(section: str, headline: str) -> str:
    """What makes a headline new to a reader: the same story in another town is a repeat."""
    return _PLACES_AND_NUMBERS.sub("", headline.lower()) + "/" + section


_PLACES_AND_NUMBERS = re.compile(
    "|".join(
        sorted(
            (
                re.escape(place.lower())
                for key in ("city", "country", "town")
                for place in COMMON[key]
            ),
            key=len,
            reverse=True,
        )
    )
    + r"|[\d.,$-]+"
)


# Other photographers' takes on each subject (demo/photos.py LIGHT): the look's name, how its
# caption says when it was taken, and how its alt text says what the light and angle show.
LOOKS = [
    ("", "", ""),  # the subject's first photo, as SUBJECTS describes it
    (
        "morning",
        "Early morning: {caption}",
        "{alt}, seen from the other side in pale morning light",
    ),
    ("evening", "{caption} Pictured late in the day.", "{alt}, seen closer in warm evening light"),
    ("night", "After dark: {caption}", "{alt}, seen from the other side at night"),
]


def caption(subject: str, variant: int = 0) -> str:
    text = SUBJECTS[subject]["caption"]
    if not variant:
        return text
    wording = LOOKS[variant][1]
    return wording.format(caption=text[:1].lower() + text[1:] if wording[0] != "{" else text)


def alt_text(subject: str, variant: int = 0) -> str:
    alt = SUBJECTS[subject]["alt"]
    return (LOOKS[variant][2].format(alt=alt) if variant else alt) + "."


def correction(rng: random.Random, section: str, headline: str) -> str:
    """A correction that fits the story: its subject's, with the story's own facts."""
    subject = story_subject(section, headline)
    if subject is None:
        return rng.choice(GENERIC_CORRECTIONS)
    _, fills = _story_context(rng, section, headline)
    return _render(SUBJECTS[subject]["correction"], fills)


# For columns: what a column gets wrong is a name or a figure, whatever it argues.
GENERIC_CORRECTIONS = [
    "An earlier version of this column misspelt the name of a councillor it quotes.",
    "An earlier version of this column gave a figure for the council's budget in the wrong year.",
]


def bio(rng: random.Random, name: str, role: str) -> str:
    pick = {key: rng.choice(values) for key, values in BIO.items()}
    surname = name.split()[-1]
    openers = {
        "author": f"{name} reports on {pick['beat']} for the newsroom, with a particular "
        f"interest in {pick['interest']}.",
        "editor": f"{name} is an editor on the news desk, responsible for {pick['duty']}.",
        "both": f"{name} writes about {pick['beat']} and oversees {pick['duty']}.",
    }
    if role not in openers:
        raise ValueError(f"unknown role {role!r}")
    sentences = [
        openers[role],
        f"Before joining, {surname} spent {pick['years']} years at the {pick['outlet']}, "
        f"covering {pick['previous']} from {rng.choice(COMMON['city'])}.",
    ]
    if rng.random() < 0.5:
        sentences.append(
            f"{surname} studied {pick['subject']} at {pick['university']} and {pick['extra']}."
        )
    return " ".join(sentences)


def job_title(rng: random.Random, role: str, section: str) -> str:
    desk = DESKS[section]
    if role == "author":
        return rng.choice(AUTHOR_TITLES[section])
    if role == "editor":
        options = [f"{desk} editor", f"Deputy {desk} editor", "Night editor", "Weekend editor"]
    elif role == "both":
        options = [f"Senior {desk} writer and editor", f"{desk} writer and editor"]
    else:
        raise ValueError(f"unknown role {role!r}")
    title = rng.choice(options)
    return title[:1].upper() + title[1:]
