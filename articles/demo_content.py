"""Demo content for `manage.py seed_demo`: our own writing, in the shape of a real article."""

# Typographic apostrophes and quotation marks in the prose are intentional.

SECTIONS = [  # (name, slug), in display order
    ("News", "news"),
    ("Politics", "politics"),
    ("Business", "business"),
    ("Sport", "sport"),
    ("Culture", "culture"),
    ("Science", "science"),
]

AUTHORS = [
    {
        "name": "Helen Marchetti",
        "slug": "helen-marchetti",
        "role": "Political correspondent",
        "bio": (
            "Helen Marchetti has covered parliament for Newsroom since 2016, after a decade "
            "reporting on local government in the north. She writes about housing, devolution and "
            "the quiet work of the whips’ office."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#8c3b4a",
    },
    {
        "name": "Dafydd Okonjo",
        "slug": "dafydd-okonjo",
        "role": "Chief reporter",
        "bio": (
            "Dafydd Okonjo leads Newsroom’s coverage of the regions, from coastal flooding to the "
            "state of public services. He began his career as a court reporter and still reads "
            "every council agenda he can find."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#2f6d8c",
    },
    {
        "name": "Priya Lindqvist",
        "slug": "priya-lindqvist",
        "role": "Business editor",
        "bio": (
            "Priya Lindqvist writes about companies, markets and the household economy. Before "
            "joining Newsroom she spent eight years as an analyst covering the food and retail "
            "industries."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#b7792b",
    },
    {
        "name": "Owen Castellane",
        "slug": "owen-castellane",
        "role": "Sport correspondent",
        "bio": (
            "Owen Castellane has reported on football, rugby and everything in between from "
            "grounds large and small for 15 years. He believes the best stories are usually found "
            "a long way below the top division."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#3f7a3a",
    },
    {
        "name": "Ines Varga",
        "slug": "ines-varga",
        "role": "Arts and culture critic",
        "bio": (
            "Ines Varga reviews theatre, books and visual art for Newsroom and writes about the "
            "places where culture is made. She worked as a stage manager for ten years before "
            "turning to criticism."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#6a4c93",
    },
    {
        "name": "Tomasz Whitlow",
        "slug": "tomasz-whitlow",
        "role": "Science editor",
        "bio": (
            "Tomasz Whitlow covers the environment, health and research for Newsroom. He holds a "
            "doctorate in marine biology and has a habit of turning up at survey sites in borrowed "
            "waders."
        ),
        "photo_credit": "Newsroom staff",
        "photo_colour": "#1f7a6e",
    },
]

ARTICLES = [
    # -------------------------------- News --------------------------------
    {
        "slug": "wexley-bay-flood-barrier",
        "headline": "Temporary flood barrier holds as storm surge batters Wexley Bay seafront",
        "standfirst": (
            "Engineers say the demountable steel wall, installed only last autumn, kept about 300 "
            "homes dry during the highest tide recorded in the town for 40 years."
        ),
        "section": "news",
        "authors": ["dafydd-okonjo"],
        "hours_ago": 2,
        "image": {
            "credit": "Mara Ellison / Northlight Photos",
            "caption": (
                "Waves break against the steel barrier on Wexley Bay’s Marine Parade in the early "
                "hours of Tuesday."
            ),
            "alt": (
                "Large grey waves crashing against a low metal wall along a seafront promenade, "
                "with a row of terraced houses behind it under a dark, stormy sky."
            ),
            "colours": ("#1f3b4d", "#7a9bb0"),
        },
        "body": [
            (
                "p",
                (
                    "A temporary flood barrier erected along Wexley Bay’s seafront held back a "
                    "storm surge in the early hours of Tuesday, sparing an estimated 300 homes and "
                    "businesses in streets that flooded twice in the past decade."
                ),
            ),
            (
                "p",
                (
                    "The tide at the town’s harbour gauge peaked at 5.9 metres shortly after 4am, "
                    "according to the regional coastal monitoring service, the highest reading "
                    "since records at the site were computerised in 1984. Gusts of 70mph were "
                    "recorded at the lifeboat station, and the coastguard closed the harbour to "
                    "all traffic for nine hours."
                ),
            ),
            ("h2", "Built for a night like this"),
            (
                "p",
                (
                    "The barrier, a 1.2km chain of interlocking steel panels bolted on to concrete "
                    "footings beneath Marine Parade, was installed last October at a cost of "
                    "£4.6m. It is designed to be assembled by council crews in under six hours "
                    "once a surge warning is issued, and taken down again when the danger passes "
                    "so that the promenade can reopen."
                ),
            ),
            (
                "p",
                (
                    "Crews began fitting the panels at 2pm on Monday, after forecasters raised the "
                    "warning level for the east coast. By nightfall the seafront was closed, and "
                    "residents of the lowest-lying streets had been advised to move valuables "
                    "upstairs and to park their cars on higher ground behind the railway station."
                ),
            ),
            (
                "quote",
                (
                    "We watched the water climb two-thirds of the way up the panels and then "
                    "simply stop. Three years ago the same tide would have been in my front room "
                    "by now."
                ),
                "Glenys Arkwright, a resident of Quay Street",
            ),
            ("h2", "Questions over the northern end"),
            (
                "p",
                (
                    "Not everywhere escaped. At the northern end of the bay, where the steel wall "
                    "gives way to an older earth embankment, water overtopped a stretch of about "
                    "40 metres and flooded the car park of the Anchor Road leisure centre to a "
                    "depth of half a metre. The council said the building itself was not affected."
                ),
            ),
            (
                "p",
                (
                    "Local councillors said the incident strengthened the case for extending the "
                    "steel defences northwards, a second phase that was dropped from the original "
                    "scheme when costs rose. The council’s cabinet member for the environment said "
                    "a bid for national funding would be submitted before the summer."
                ),
            ),
            (
                "p",
                (
                    "The regional flood authority said the barrier had performed exactly as its "
                    "engineers had modelled, but warned that surges of this size were becoming "
                    "more frequent. What was treated as a once-in-50-years event when the town’s "
                    "defences were last assessed is now expected roughly once every 20 years."
                ),
            ),
            (
                "p",
                (
                    "The seafront is expected to reopen on Wednesday afternoon once the panels "
                    "have been removed and the promenade cleared of shingle. Two primary schools "
                    "on the harbour side of town will stay closed until Thursday."
                ),
            ),
        ],
        "related": ["kestrel-crew-skerrin-light-record", "skerrin-sound-seagrass-recovery"],
    },
    {
        "slug": "carrowmore-rural-bus-routes",
        "headline": (
            "Carrowmore council plans to cut 14 rural bus routes as transport subsidy runs out"
        ),
        "standfirst": (
            "Villages in the north of the county could lose their only daily bus from September, "
            "leaving older residents with no way to reach the nearest hospital without a car."
        ),
        "section": "news",
        "authors": ["dafydd-okonjo", "helen-marchetti"],
        "hours_ago": 9,
        "image": {
            "credit": "Tobias Renwick / Lowfield Picture Desk",
            "caption": (
                "The 47 bus waits at the stop in Harnby, one of the villages whose service has "
                "been earmarked for withdrawal."
            ),
            "alt": (
                "A green single-decker bus parked beside a small stone bus shelter on an empty "
                "village street lined with hedges and cottages."
            ),
            "colours": ("#3d5a3a", "#c9b37a"),
        },
        "body": [
            (
                "p",
                (
                    "Carrowmore county council has proposed withdrawing 14 subsidised bus routes "
                    "across its rural north, a move that campaigners say would leave at least nine "
                    "villages with no public transport at all."
                ),
            ),
            (
                "p",
                (
                    "The routes, most of which run between two and four times a day, are paid for "
                    "by a £2.1m annual grant that expires in August. Council papers published on "
                    "Monday show that officers recommend replacing only three of them, with a "
                    "bookable minibus covering the rest of the area on weekdays."
                ),
            ),
            ("h2", "A lifeline for those who use it"),
            (
                "p",
                (
                    "Passenger numbers on the affected routes have fallen by about a third since "
                    "2019, according to the council, and several buses carry fewer than five "
                    "people on an average journey. The subsidy now works out at more than £11 for "
                    "every passenger trip, the report says."
                ),
            ),
            (
                "p",
                (
                    "Residents argue that the figures understate how much the routes matter to the "
                    "people who rely on them. The 47 between Harnby and the market town of "
                    "Oldcastle Bridge is the only way for many villagers without a car to reach "
                    "the community hospital there, where outpatient clinics were moved from "
                    "smaller surgeries last year."
                ),
            ),
            (
                "quote",
                (
                    "My mother is 84 and she doesn’t drive. The bus is how she gets her eyes "
                    "checked and how she does her shopping. A minibus you have to ring for two "
                    "days in advance is not the same thing."
                ),
                "Colin Matterley, who lives in Harnby",
            ),
            ("h2", "Consultation opens next week"),
            (
                "p",
                (
                    "The council’s cabinet member for transport said the authority had been left "
                    "with “no good options” once the grant ended, and that the bookable service, "
                    "which would use four wheelchair-accessible vehicles, could reach more "
                    "households than fixed routes that run largely empty. Similar schemes already "
                    "operate in two neighbouring counties."
                ),
            ),
            (
                "p",
                (
                    "Opposition councillors have asked for the decision to be delayed until the "
                    "autumn so that the council can bid for money from a national rural transport "
                    "fund that reopens in October. They also questioned why the report did not "
                    "include any estimate of the extra cost to the NHS of missed appointments."
                ),
            ),
            (
                "p",
                (
                    "A public consultation will run for six weeks from next Monday, with drop-in "
                    "sessions in village halls along each of the affected routes. A final decision "
                    "is due to be taken by the full council in July."
                ),
            ),
        ],
        "related": ["kingsmere-congestion-levy", "ashbridge-hospital-overnight-pharmacy"],
    },
    {
        "slug": "ashbridge-hospital-overnight-pharmacy",
        "headline": (
            "Ashbridge hospital opens overnight pharmacy in bid to free beds and ease emergency "
            "waits"
        ),
        "standfirst": (
            "Patients discharged after midnight will no longer be kept on wards until morning "
            "simply because nobody is on hand to dispense their medicines."
        ),
        "section": "news",
        "authors": ["tomasz-whitlow"],
        "hours_ago": 26,
        "image": {
            "credit": "Harbour Press Agency",
            "caption": (
                "A pharmacist prepares prescriptions at the new overnight dispensary at Ashbridge "
                "General Hospital."
            ),
            "alt": (
                "A pharmacist in a blue tunic reaching for a box on tall shelves stacked with "
                "medicine packets, under bright strip lighting."
            ),
            "colours": ("#e6eef2", "#4a7f9c"),
        },
        "body": [
            (
                "p",
                (
                    "Ashbridge General Hospital has opened a pharmacy that stays open through the "
                    "night, becoming the first hospital in the region to dispense medicines around "
                    "the clock to patients leaving its emergency department and wards."
                ),
            ),
            (
                "p",
                (
                    "Until this week the hospital’s dispensary closed at 10pm. Patients discharged "
                    "later were either given a small emergency supply and told to visit a "
                    "high-street chemist the next morning, or kept in a bed until the pharmacy "
                    "reopened at 8am. Hospital figures show that on a typical night between six "
                    "and ten patients who were medically fit to leave stayed in for that reason "
                    "alone."
                ),
            ),
            ("h2", "Beds freed by the morning"),
            (
                "p",
                (
                    "The new service is staffed by two pharmacists and a technician between 10pm "
                    "and 8am, at an annual cost of about £380,000. Managers estimate it will free "
                    "the equivalent of 2,500 bed-nights a year, roughly the capacity of a small "
                    "ward, and say it should pay for itself through reduced spending on agency "
                    "nurses."
                ),
            ),
            (
                "p",
                (
                    "The scheme also covers patients admitted overnight, who have often waited "
                    "until morning for a pharmacist to check the medicines they already take at "
                    "home. Mistakes at that stage, such as a missed dose of an anti-epileptic "
                    "drug, are among the most common causes of avoidable harm in hospitals."
                ),
            ),
            (
                "quote",
                (
                    "We were keeping people in hospital not because they needed a doctor but "
                    "because they needed a bag of tablets. That never made sense to patients, and "
                    "it never made sense to us."
                ),
                "Annika Roszak, the hospital’s chief pharmacist",
            ),
            ("h2", "Staffing remains the test"),
            (
                "p",
                (
                    "The hospital recruited four additional pharmacists to fill the rota, two of "
                    "them from community pharmacies in the town. Local pharmacy owners have voiced "
                    "concern that the move will make their own staffing harder; several have "
                    "already shortened their opening hours because they cannot find locum cover."
                ),
            ),
            (
                "p",
                (
                    "The regional health board said it would review the Ashbridge scheme after six "
                    "months and consider extending it to the area’s two other acute hospitals, "
                    "both of which have longer average waits in their emergency departments."
                ),
            ),
            (
                "p",
                (
                    "Patients’ groups welcomed the change but said it should come with better "
                    "explanations at discharge. The Ashbridge Patients’ Forum said people leaving "
                    "in the small hours were often exhausted and handed several new medicines at "
                    "once, and asked that a pharmacist talk each of them through what they were "
                    "taking before they left."
                ),
            ),
        ],
        "related": ["carrowmore-rural-bus-routes", "wexley-bay-flood-barrier"],
    },
    # ------------------------------ Politics ------------------------------
    {
        "slug": "planning-bill-backbench-revolt",
        "headline": (
            "Ministers face backbench revolt over plans to strip councils of planning powers"
        ),
        "standfirst": (
            "More than 40 government MPs have signed an amendment that would let local authorities "
            "block large housing schemes, setting up a knife-edge vote next week."
        ),
        "section": "politics",
        "authors": ["helen-marchetti"],
        "hours_ago": 5,
        "image": {
            "credit": "Westgate Political Pictures",
            "caption": (
                "Members in the chamber during the second reading of the Planning and "
                "Infrastructure Bill."
            ),
            "alt": (
                "A wood-panelled debating chamber seen from the public gallery, with rows of green "
                "leather benches partly filled with members in suits."
            ),
            "colours": ("#2f4a3a", "#b89a5e"),
        },
        "body": [
            (
                "p",
                (
                    "The government is facing the largest backbench rebellion of the parliament "
                    "after 43 of its own MPs put their names to an amendment that would give "
                    "councils the final say over housing developments of more than 500 homes."
                ),
            ),
            (
                "p",
                (
                    "The Planning and Infrastructure Bill, which returns to the chamber for its "
                    "report stage on Tuesday, would allow ministers to approve large schemes "
                    "directly through a new national panel, bypassing local planning committees "
                    "that the government says have blocked or delayed tens of thousands of homes."
                ),
            ),
            ("h2", "Rebels from the shires"),
            (
                "p",
                (
                    "Most of those who have signed the amendment represent rural and suburban "
                    "seats where housing targets rose sharply under the government’s revised "
                    "formula. Several hold majorities of fewer than 3,000 votes and face local "
                    "elections in May in which planning has become the dominant doorstep issue."
                ),
            ),
            (
                "p",
                (
                    "The amendment’s lead sponsor, a former housing minister, said the rebels "
                    "supported building more homes but objected to decisions being taken by a "
                    "panel “that will never have to drive down the roads or queue at the "
                    "surgeries” affected by new estates."
                ),
            ),
            (
                "quote",
                (
                    "Nobody on these benches is against building. We are against building being "
                    "done to communities rather than with them, and this bill as drafted crosses "
                    "that line."
                ),
                "The amendment’s lead sponsor, speaking in the chamber",
            ),
            ("h2", "Whips count the numbers"),
            (
                "p",
                (
                    "With a working majority of 58, the government can in theory absorb the "
                    "rebellion if opposition parties vote against the amendment. But the main "
                    "opposition party has said it will consider supporting it, and government "
                    "whips spent Thursday meeting wavering MPs one by one."
                ),
            ),
            (
                "p",
                (
                    "Ministers are understood to be discussing concessions, including a "
                    "requirement for the national panel to hold public hearings in the affected "
                    "area and a guarantee that a fixed share of infrastructure levies will be "
                    "spent within the same council boundary."
                ),
            ),
            (
                "p",
                (
                    "The housing secretary told broadcasters on Thursday morning that the bill "
                    "would not be “watered down until it is meaningless”, but pointedly declined "
                    "to rule out changes before Tuesday."
                ),
            ),
            (
                "p",
                (
                    "Housebuilders have warned that without the bill the government’s target of "
                    "1.5 million new homes over the parliament will be out of reach. Their trade "
                    "body said applications for large sites had fallen by a fifth in the past year "
                    "as developers waited for the outcome."
                ),
            ),
        ],
        "related": [
            "kingsmere-congestion-levy",
            "spring-budget-what-to-expect",
            "carrowmore-rural-bus-routes",
        ],
    },
    {
        "slug": "kingsmere-congestion-levy",
        "headline": (
            "Eastern Vale mayor proposes £4 daily levy on cars entering Kingsmere city centre"
        ),
        "standfirst": (
            "The charge would pay for a long-promised tram extension and cheaper bus fares, but "
            "retailers fear it will drive shoppers to out-of-town retail parks."
        ),
        "section": "politics",
        "authors": ["helen-marchetti", "priya-lindqvist"],
        "hours_ago": 30,
        "image": {
            "credit": "Lena Voss / Kingsmere Evening Post",
            "caption": (
                "Morning traffic on Kingsmere’s inner ring road, where cameras for the proposed "
                "levy would be installed."
            ),
            "alt": (
                "Two lanes of cars and vans at a standstill on an urban dual carriageway, with "
                "office blocks and a concrete footbridge in the background."
            ),
            "colours": ("#5b5f6b", "#d08a3c"),
        },
        "body": [
            (
                "p",
                (
                    "Drivers entering central Kingsmere would pay £4 a day under proposals "
                    "published on Wednesday by the Eastern Vale’s elected mayor, who says the "
                    "money is needed to extend the city’s tram network and cut bus fares across "
                    "the region."
                ),
            ),
            (
                "p",
                (
                    "The levy would apply between 7am and 7pm on weekdays inside the inner ring "
                    "road, an area of about four square kilometres that includes the main shopping "
                    "streets, the university and the central railway station. Residents of the "
                    "zone, blue badge holders and zero-emission vans would be exempt."
                ),
            ),
            ("h2", "Where the money would go"),
            (
                "p",
                (
                    "Officials estimate the charge would raise £38m a year after running costs. "
                    "The mayor’s plan commits half of that to extending the tram line from its "
                    "eastern terminus to the Hollins Park estate and the new hospital beyond it, a "
                    "route promised by successive council leaders for more than 15 years but never "
                    "funded."
                ),
            ),
            (
                "p",
                (
                    "The rest would pay for a flat £1.50 single bus fare across the Eastern Vale "
                    "for two years, along with overnight services on the four busiest corridors. "
                    "Transport planners expect traffic inside the zone to fall by between 12 and "
                    "18 per cent."
                ),
            ),
            (
                "quote",
                (
                    "Every city of our size that has been serious about public transport has found "
                    "a way to pay for it. I am not prepared to tell the people of Hollins Park to "
                    "wait another 15 years for their tram."
                ),
                "The mayor of the Eastern Vale, launching the consultation",
            ),
            ("h2", "Shops fear the cost"),
            (
                "p",
                (
                    "The Kingsmere Retail Partnership, which represents more than 200 city-centre "
                    "businesses, said the levy would be “the final straw” for independent shops "
                    "still recovering from years of rising rents and energy bills. It pointed to "
                    "two large retail parks on the city’s outskirts, both with free parking, as "
                    "evidence that shoppers had somewhere else to go."
                ),
            ),
            (
                "p",
                (
                    "Opposition members of the combined authority said the scheme had been "
                    "published without any assessment of its effect on lower-income workers who "
                    "commute from the region’s smaller towns, many of which have no direct bus or "
                    "rail link to the city."
                ),
            ),
            (
                "p",
                (
                    "A 12-week consultation begins on Monday. If approved, the levy would take "
                    "effect next spring at the earliest, after the installation of about 60 "
                    "number-plate recognition cameras around the ring road."
                ),
            ),
        ],
        "related": [
            "planning-bill-backbench-revolt",
            "lantern-theatre-reopens",
            "carrowmore-rural-bus-routes",
        ],
    },
    # ------------------------------ Business ------------------------------
    {
        "slug": "brennock-foods-hallam-cross-jobs",
        "headline": "Brennock Foods to create 400 jobs with new bakery line at Hallam Cross",
        "standfirst": (
            "The family-owned firm will invest £62m in its biggest plant, the largest commitment "
            "in its 70-year history, on the back of soaring demand for supermarket own-label "
            "bread."
        ),
        "section": "business",
        "authors": ["priya-lindqvist"],
        "hours_ago": 14,
        "image": {
            "credit": "Corin Bale / Midshire Industry Pictures",
            "caption": (
                "Workers on one of the existing production lines at Brennock Foods’ Hallam Cross "
                "factory."
            ),
            "alt": (
                "Workers in white coats and hairnets standing beside a long conveyor belt carrying "
                "rows of pale bread rolls through a large factory hall."
            ),
            "colours": ("#d9b779", "#7b4b2a"),
        },
        "body": [
            (
                "p",
                (
                    "Brennock Foods, the family-owned bakery group, is to create about 400 jobs at "
                    "its factory in Hallam Cross after committing £62m to a new production line, "
                    "the largest investment in the company’s 70-year history."
                ),
            ),
            (
                "p",
                (
                    "The line, which will make part-baked rolls and flatbreads largely for "
                    "supermarkets’ own-label ranges, is due to start production in the second half "
                    "of next year. It will lift the site’s workforce to more than 1,300, making "
                    "Brennock the town’s biggest private employer."
                ),
            ),
            ("h2", "Riding the own-label boom"),
            (
                "p",
                (
                    "The company’s chief executive said sales to supermarkets’ own-brand ranges "
                    "had grown by almost 30 per cent in two years as shoppers traded down from "
                    "branded products. Brennock now makes about a fifth of the part-baked bread "
                    "sold under retailers’ own labels nationally, and has been turning away orders "
                    "because its existing lines are running close to capacity."
                ),
            ),
            (
                "p",
                (
                    "The group reported revenue of £418m in its most recent financial year, up 11 "
                    "per cent, with pre-tax profit of £19.6m. Margins remain thinner than before "
                    "the spike in wheat and energy prices two years ago, and the company said the "
                    "new ovens had been designed to use about a quarter less gas per tonne of "
                    "bread than its older equipment."
                ),
            ),
            (
                "quote",
                (
                    "We could have built this anywhere, including abroad. We chose Hallam Cross "
                    "because the people who have made our bread for three generations are here, "
                    "and because the town gave us good reasons to stay."
                ),
                "Brennock Foods’ chief executive",
            ),
            ("h2", "Land, roads and apprentices"),
            (
                "p",
                (
                    "The local council agreed last year to sell the company a neighbouring "
                    "four-hectare plot previously earmarked for warehousing, and has backed a bid "
                    "for improvements to the junction linking the site to the main road. Hallam "
                    "Cross College will run a new food-engineering apprenticeship, with the first "
                    "40 places starting in September."
                ),
            ),
            (
                "p",
                (
                    "The bakers’ union welcomed the announcement but said it would seek assurances "
                    "that the new roles would be permanent rather than supplied through agencies. "
                    "About a fifth of Brennock’s production staff are employed on agency contracts "
                    "during the busy autumn period."
                ),
            ),
            (
                "p",
                (
                    "Analysts said the investment was a bet that the shift towards own-label "
                    "groceries would outlast the squeeze on household budgets. Several noted that "
                    "shoppers who switch to cheaper staples during hard times have tended not to "
                    "switch back once conditions improve."
                ),
            ),
        ],
        "related": ["meridale-mutual-mortgage-rate-freeze", "planning-bill-backbench-revolt"],
    },
    {
        "slug": "meridale-mutual-mortgage-rate-freeze",
        "headline": (
            "Meridale Mutual freezes fixed mortgage rates for first-time buyers until autumn"
        ),
        "standfirst": (
            "The building society is breaking ranks with larger lenders that have raised their "
            "fixed-rate deals twice in a month, saying its members can absorb the cost for now."
        ),
        "section": "business",
        "authors": ["priya-lindqvist"],
        "hours_ago": 50,
        "image": {
            "credit": "Hester Quaile / Ledger Images",
            "caption": (
                "A Meridale Mutual branch on the high street in Dunmere, where the society has its "
                "headquarters."
            ),
            "alt": (
                "The front of a red-brick high-street building with a navy blue sign above a glass "
                "door, and a woman with a shopping bag walking past."
            ),
            "colours": ("#1c2e5a", "#9fb4d6"),
        },
        "body": [
            (
                "p",
                (
                    "Meridale Mutual, the country’s ninth-largest building society, has frozen the "
                    "price of its fixed-rate mortgages for first-time buyers until the end of "
                    "September, breaking with larger lenders that have raised rates twice in the "
                    "past month."
                ),
            ),
            (
                "p",
                (
                    "The society’s two-year fix for borrowers with a 10 per cent deposit will stay "
                    "at 4.79 per cent, and its five-year equivalent at 4.59 per cent. Comparable "
                    "deals from the four biggest high-street banks now average just over 5.1 per "
                    "cent, according to figures compiled by the brokers’ data service Homeloan "
                    "Monitor."
                ),
            ),
            ("h2", "Why a mutual can hold the line"),
            (
                "p",
                (
                    "Lenders have been passing on a rise in swap rates, the wholesale borrowing "
                    "costs that underpin fixed-rate pricing, which climbed after markets pushed "
                    "back their expectations of interest rate cuts. Meridale said it could absorb "
                    "the increase for a limited period because more than 80 per cent of its "
                    "lending is funded by savers’ deposits rather than by borrowing on wholesale "
                    "markets."
                ),
            ),
            (
                "p",
                (
                    "As a mutual owned by its members, the society pays no dividends to outside "
                    "shareholders, and its chief executive said it had chosen to spend part of its "
                    "margin on borrowers who were being priced out. Meridale expects to lend about "
                    "£600m to first-time buyers this year, roughly double the figure of five years "
                    "ago."
                ),
            ),
            (
                "quote",
                (
                    "A young couple who have saved for six years shouldn’t lose their chance "
                    "because of a move in the swap market on a Tuesday afternoon. We can afford to "
                    "hold our rates for a few months, so we will."
                ),
                "Meridale Mutual’s chief executive",
            ),
            ("h2", "Brokers expect a rush"),
            (
                "p",
                (
                    "Mortgage brokers said they expected the freeze to prompt a surge of "
                    "applications, and warned that the society might have to pull deals at short "
                    "notice if demand outstrips its underwriting capacity. Meridale has withdrawn "
                    "products abruptly twice in the past two years after being overwhelmed."
                ),
            ),
            (
                "p",
                (
                    "Analysts cautioned that the move would squeeze the society’s net interest "
                    "margin, which fell to 1.21 per cent last year. Its capital ratios remain "
                    "comfortably above regulatory minimums, however, and it reported a record 1.4 "
                    "million members in its annual results in March."
                ),
            ),
            (
                "p",
                (
                    "Smaller lenders may follow. Two regional building societies said on Thursday "
                    "that they were reviewing their pricing, while the larger banks declined to "
                    "say whether they would revisit their recent increases."
                ),
            ),
        ],
        "related": ["brennock-foods-hallam-cross-jobs", "planning-bill-backbench-revolt"],
    },
    # ------------------------------- Sport --------------------------------
    {
        "slug": "castlebury-town-cup-upset",
        "headline": (
            "Part-timers Castlebury Town knock Harcastle Athletic out of the cup on penalties"
        ),
        "standfirst": (
            "A goalkeeper who works night shifts at a parcel depot saved three spot-kicks as the "
            "fifth-tier side reached the last 16 for the first time in their 112-year history."
        ),
        "section": "sport",
        "authors": ["owen-castellane"],
        "hours_ago": 3,
        "image": {
            "credit": "Jonah Pell / Touchline Images",
            "caption": (
                "Castlebury Town players race towards goalkeeper Danny Orchard after his third "
                "penalty save at Mill Lane."
            ),
            "alt": (
                "Footballers in amber shirts sprinting across a muddy, floodlit pitch towards a "
                "goalkeeper in green kneeling with both arms raised, in front of a small packed "
                "terrace."
            ),
            "colours": ("#e0a32b", "#1d3b2a"),
        },
        "body": [
            (
                "p",
                (
                    "Castlebury Town, who sit fifth from bottom of the fifth tier and train twice "
                    "a week after their players finish work, knocked top-flight Harcastle Athletic "
                    "out of the cup on Tuesday night, winning 4-2 on penalties after a 1-1 draw at "
                    "a rain-soaked Mill Lane."
                ),
            ),
            (
                "p",
                (
                    "The hero was Danny Orchard, a 31-year-old goalkeeper who spends his weekday "
                    "nights as a shift supervisor at a parcel depot on the edge of town. He saved "
                    "Harcastle’s first, third and fourth penalties, diving to his left each time, "
                    "before the home captain, Lewis Greenhalgh, rolled in the decisive kick to set "
                    "off a pitch invasion by a crowd of 3,104."
                ),
            ),
            ("h2", "Four divisions apart"),
            (
                "p",
                (
                    "Harcastle, sixth in the top division and unbeaten in nine matches, made seven "
                    "changes from their weekend league win but still fielded four senior "
                    "internationals. They led through a near-post header from a corner in the 23rd "
                    "minute and dominated the first half, striking the woodwork twice."
                ),
            ),
            (
                "p",
                (
                    "Castlebury’s equaliser came against the run of play eight minutes after the "
                    "interval. A long throw from the right was flicked on at the near post and "
                    "Amir Castello, a 19-year-old forward on loan from a league club, hooked the "
                    "ball in on the turn. Harcastle pressed for a winner but found Orchard in "
                    "inspired form, most memorably when he tipped a dipping 30-yard shot over the "
                    "bar in stoppage time."
                ),
            ),
            (
                "quote",
                (
                    "I’ve watched them on television every Saturday for years. I was just trying "
                    "not to embarrass myself. My manager at work has given me tomorrow night off, "
                    "so I’ll probably just sleep."
                ),
                "Danny Orchard, Castlebury Town goalkeeper",
            ),
            ("h2", "A windfall for Mill Lane"),
            (
                "p",
                (
                    "The win is worth about £190,000 in prize money and broadcast fees to a club "
                    "whose annual turnover is around £600,000. Castlebury’s chairman said the "
                    "money would go towards replacing the floodlights, which failed twice last "
                    "season, and an artificial pitch to be shared with the town’s junior teams."
                ),
            ),
            (
                "p",
                (
                    "Harcastle’s manager offered no excuses. He praised the home side’s "
                    "organisation and said his players had got what they deserved for failing to "
                    "take their chances before half-time, though he suggested the pitch, heavy "
                    "after two days of rain, had been a great leveller."
                ),
            ),
            (
                "p",
                (
                    "The draw for the last 16 takes place on Sunday afternoon. Castlebury have "
                    "asked for a home tie, although the club acknowledged that Mill Lane’s "
                    "capacity of 3,500 may lead a bigger visiting club to request that the fixture "
                    "be switched."
                ),
            ),
        ],
        "related": [
            "penmoor-ashbridge-rugby-groundshare",
            "castlebury-town-last-16-draw",
            "kestrel-crew-skerrin-light-record",
        ],
    },
    {
        "slug": "kestrel-crew-skerrin-light-record",
        "headline": (
            "Kestrel women’s crew smash coastal rowing record from Wexley Bay to the Skerrin Light"
        ),
        "standfirst": (
            "The four-woman crew, whose oldest member is 58, completed the 62km open-sea course in "
            "under six hours despite rowing into a headwind for the final third."
        ),
        "section": "sport",
        "authors": ["owen-castellane"],
        "hours_ago": 20,
        "image": {
            "credit": "Sunniva Hale / Coastline Sport Photography",
            "caption": (
                "The Kestrel crew approach the Skerrin lighthouse in the final kilometre of their "
                "record attempt."
            ),
            "alt": (
                "Four rowers in red tops pulling oars in a narrow white rowing boat on choppy "
                "grey-green water, with a white lighthouse on a rocky island behind them."
            ),
            "colours": ("#2e6f7e", "#d64a3b"),
        },
        "body": [
            (
                "p",
                (
                    "A four-woman crew from Kestrel Rowing Club has set a new record for the "
                    "open-water crossing from Wexley Bay harbour to the Skerrin Light, completing "
                    "the 62km course in five hours, 51 minutes and 12 seconds on Saturday."
                ),
            ),
            (
                "p",
                (
                    "The crew, whose members are aged between 29 and 58, beat the previous mark, "
                    "set by a men’s crew from a neighbouring club in 2011, by more than 14 "
                    "minutes. The time was verified by the regional coastal rowing association "
                    "using a sealed GPS tracker carried on board and an official observer in the "
                    "safety launch."
                ),
            ),
            ("h2", "Waiting for the right tide"),
            (
                "p",
                (
                    "Attempts on the crossing are possible on only a handful of days each summer, "
                    "when a spring tide coincides with light winds. The crew had been on standby "
                    "for three weeks and were given the final go-ahead at 9pm on Friday, setting "
                    "off at first light with the ebb tide running in their favour for the opening "
                    "two hours."
                ),
            ),
            (
                "p",
                (
                    "Conditions turned in the final third, when a north-easterly breeze freshened "
                    "to around 15 knots. The crew’s stroke, a 44-year-old primary school "
                    "headteacher, said they had assumed at that point that the record was gone and "
                    "decided to row for pride rather than watch the clock. Their pace over the "
                    "last 20km dropped by only 4 per cent."
                ),
            ),
            (
                "quote",
                (
                    "We train in the dark before work five mornings a week, in all weathers, and "
                    "nobody sees it. For one day everybody on the harbour wall was watching us, "
                    "and we didn’t let them down."
                ),
                "Bernadette Loughlin, 58, the crew’s bow-seat rower",
            ),
            ("h2", "A sport finding new members"),
            (
                "p",
                (
                    "Coastal rowing has grown quickly along this stretch of coast over the past "
                    "decade, helped by a cheaper and more stable class of boat that beginners find "
                    "easier to handle. Kestrel’s membership has risen from 40 to more than 220 "
                    "since 2015, about two-thirds of them women."
                ),
            ),
            (
                "p",
                (
                    "The club raised £6,000 for the attempt, mostly to cover the cost of the "
                    "safety launch, and any surplus will go to the Wexley Bay lifeboat station, "
                    "whose volunteers shadowed the boat for the final 10km."
                ),
            ),
            (
                "p",
                (
                    "The crew now hope to tackle the longer crossing to the island of Harrow Holm "
                    "next summer, a 90km route that only three crews have ever completed."
                ),
            ),
        ],
        "related": ["wexley-bay-flood-barrier", "castlebury-town-cup-upset"],
    },
    {
        "slug": "penmoor-ashbridge-rugby-groundshare",
        "headline": (
            "Ashbridge rugby club to leave 127-year-old home and share ground with rivals Penmoor"
        ),
        "standfirst": (
            "Both boards approved a ten-year groundshare on Thursday, which the clubs say will "
            "save £900,000 a year after Ashbridge posted its sixth consecutive annual loss."
        ),
        "section": "sport",
        "authors": ["owen-castellane", "dafydd-okonjo"],
        "hours_ago": 75,
        "image": {
            "credit": "Harbour Press Agency",
            "caption": "The empty main stand at Fairholme, home of Ashbridge RFC since 1897.",
            "alt": (
                "An old wooden grandstand with rows of blue tip-up seats overlooking an empty "
                "rugby pitch with white H-shaped posts, under an overcast sky."
            ),
            "colours": ("#3a4f7a", "#a7b3a0"),
        },
        "body": [
            (
                "p",
                (
                    "Ashbridge Rugby Football Club will leave the ground it has called home for "
                    "127 years and share a stadium with its oldest rival, Penmoor, from next "
                    "season, after both clubs’ boards approved the arrangement on Thursday "
                    "evening."
                ),
            ),
            (
                "p",
                (
                    "The deal, which runs for an initial ten years, will see Ashbridge play home "
                    "games at Penmoor’s Brookfield Stadium, eight miles away. The clubs will "
                    "remain separate, keeping their own names, colours, squads and league places, "
                    "but will share a commercial team, grounds staff and a new training base."
                ),
            ),
            ("h2", "Losses that could not go on"),
            (
                "p",
                (
                    "Ashbridge reported a loss of £1.3m in its latest accounts, its sixth annual "
                    "deficit in a row, and its auditors warned that its future as a going concern "
                    "depended on continued support from its directors. Fairholme’s 1950s main "
                    "stand needs repairs estimated at £2.4m to meet current safety standards, and "
                    "the ground’s capacity was cut to 3,800 last year."
                ),
            ),
            (
                "p",
                (
                    "Penmoor, whose 9,000-capacity stadium was rebuilt in 2008, has also struggled "
                    "to fill its seats, with average crowds of about 4,200. The two clubs say that "
                    "pooling their costs will save around £900,000 a year between them."
                ),
            ),
            (
                "quote",
                (
                    "This is the hardest decision this board has ever taken. But the choice was "
                    "never between Fairholme and Brookfield. The alternative was no Ashbridge "
                    "rugby club at all."
                ),
                "Ashbridge RFC’s chairman, in a letter to members",
            ),
            ("h2", "Supporters divided"),
            (
                "p",
                (
                    "Reaction among Ashbridge supporters was mixed. The club’s supporters’ trust "
                    "said it accepted the financial case but was heartbroken, and asked for a "
                    "guarantee that any money raised by selling Fairholme would be ring-fenced for "
                    "a possible return to the town. The ground sits on land zoned for housing and "
                    "has been valued at between £8m and £11m."
                ),
            ),
            (
                "p",
                (
                    "Penmoor fans have raised concerns about wear on Brookfield’s pitch, which "
                    "will host around 30 first-team matches a season under the new arrangement. "
                    "The clubs said a hybrid grass surface would be laid over the summer to cope "
                    "with the extra use."
                ),
            ),
            (
                "p",
                (
                    "Ashbridge’s last match at Fairholme is scheduled for the final weekend of "
                    "April. The club plans to open the ground to the public the following day so "
                    "that supporters can walk the pitch one last time."
                ),
            ),
        ],
        "related": [
            "castlebury-town-cup-upset",
            "kestrel-crew-skerrin-light-record",
            "ashbridge-hospital-overnight-pharmacy",
        ],
    },
    # ------------------------------ Culture -------------------------------
    {
        "slug": "lantern-theatre-reopens",
        "headline": (
            "Kingsmere’s Lantern Theatre reopens after restoration uncovers a lost Victorian "
            "ceiling"
        ),
        "standfirst": (
            "The 1,100-seat venue, saved from demolition by a residents’ campaign, opens on Friday "
            "with a new play by a writer who grew up three streets away."
        ),
        "section": "culture",
        "authors": ["ines-varga"],
        "hours_ago": 40,
        "image": {
            "credit": "Ottilie Brandt / Kestrel Arts Photography",
            "caption": (
                "The restored auditorium of the Lantern Theatre, its painted ceiling on view for "
                "the first time since the 1950s."
            ),
            "alt": (
                "A horseshoe-shaped theatre auditorium with three tiers of red velvet seats and "
                "gilded balconies beneath a domed ceiling painted with a pale blue sky, clouds and "
                "birds."
            ),
            "colours": ("#7a1f2b", "#e8c87a"),
        },
        "body": [
            (
                "p",
                (
                    "The Lantern Theatre in Kingsmere reopens on Friday after a four-year, £27m "
                    "restoration that has returned the 1894 building to something close to its "
                    "original appearance and revealed a painted ceiling hidden from view for "
                    "nearly 70 years."
                ),
            ),
            (
                "p",
                (
                    "The theatre closed with its roof leaking, its seating condemned and its "
                    "owners seeking permission to demolish it for flats. A campaign by local "
                    "residents, which gathered 41,000 signatures and persuaded the city council to "
                    "buy the building, is widely credited with saving it."
                ),
            ),
            ("h2", "A sky beneath the plaster"),
            (
                "p",
                (
                    "The biggest surprise came in the second year of work, when conservators "
                    "removing a suspended ceiling put in during a 1950s modernisation found the "
                    "original dome intact above it. It depicts a pale spring sky with drifting "
                    "clouds and swallows, and had been protected from damp, ironically, by the "
                    "false ceiling that concealed it."
                ),
            ),
            (
                "p",
                (
                    "Restoring it took a team of six conservators 14 months, working from a "
                    "scaffold platform 18 metres above the stalls. About a fifth of the paint "
                    "surface had to be recreated, using black-and-white photographs printed in the "
                    "theatre’s opening-night programme as a guide."
                ),
            ),
            (
                "quote",
                (
                    "When the first panel came down and we saw the blue, the whole site went "
                    "silent. Nobody alive had seen it. It felt as though the building had been "
                    "keeping a secret for us."
                ),
                "Maya Fennimore, the project’s lead conservator",
            ),
            ("h2", "More than a museum piece"),
            (
                "p",
                (
                    "The theatre’s new artistic director has been keen to stress that the Lantern "
                    "will not become a heritage attraction. The backstage areas have been entirely "
                    "rebuilt, with a taller fly tower that allows the venue to host touring opera "
                    "and large musicals, and a 120-seat studio has been created in the former "
                    "scenery store for new writing and community productions."
                ),
            ),
            (
                "p",
                (
                    "Tickets start at £8, and a quarter of the seats for every performance are "
                    "held back at that price for people living in the surrounding neighbourhoods."
                ),
            ),
            (
                "p",
                (
                    "The opening production, The Coal Boat, is a new play set in the city’s docks "
                    "during a bitter strike in the 1920s, with a cast of 30 local performers "
                    "alongside a professional company. It runs for five weeks before touring. The "
                    "theatre says 62 per cent of tickets for its first season have already been "
                    "sold."
                ),
            ),
        ],
        "related": ["kingsmere-congestion-levy", "skerrin-sound-seagrass-recovery"],
    },
    # ------------------------------ Science -------------------------------
    {
        "slug": "skerrin-sound-seagrass-recovery",
        "headline": "Seagrass returns to Skerrin Sound a decade after mooring ban, survey finds",
        "standfirst": (
            "Dive and drone surveys show the underwater meadow has more than tripled in area, "
            "storing carbon and sheltering young fish that had all but vanished from the inlet."
        ),
        "section": "science",
        "authors": ["tomasz-whitlow"],
        "hours_ago": 168,
        "image": {
            "credit": "Keir Ansell / University of Kingsmere",
            "caption": "A diver records seagrass density along a survey line in Skerrin Sound.",
            "alt": (
                "Underwater view of a diver in a black wetsuit holding a slate above a dense bed "
                "of long, ribbon-like green seagrass, with small silver fish between the blades."
            ),
            "colours": ("#1b5e4a", "#8fd0c0"),
        },
        "body": [
            (
                "p",
                (
                    "A seagrass meadow in Skerrin Sound has more than tripled in size in the ten "
                    "years since boat moorings were removed from the inlet, according to a survey "
                    "published on Monday, in one of the clearest signs yet that the habitat can "
                    "recover quickly when it is left alone."
                ),
            ),
            (
                "p",
                (
                    "Researchers from the University of Kingsmere’s marine station mapped 148 "
                    "hectares of seagrass in the sound last summer, compared with 46 hectares in "
                    "2014, the year the harbour authority replaced traditional swinging moorings "
                    "with a smaller number of so-called eco-moorings near the mouth of the inlet."
                ),
            ),
            ("h2", "How moorings scar the seabed"),
            (
                "p",
                (
                    "Conventional moorings use a heavy chain attached to a concrete block on the "
                    "seabed. As boats swing with the tide, the chain drags in a circle, scouring "
                    "bare patches into the meadow that are clearly visible from the air. At the "
                    "height of the summer season more than 200 boats were once moored in the "
                    "sound."
                ),
            ),
            (
                "p",
                (
                    "The survey team combined drone photography at low tide with 312 dives along "
                    "fixed lines, counting shoots and measuring blade length. Density in the "
                    "longest-established patches is now comparable to the healthiest meadows "
                    "recorded anywhere on the coast."
                ),
            ),
            (
                "quote",
                (
                    "We expected recovery, but not at this pace. Seagrass has a reputation for "
                    "being slow and fragile. What Skerrin shows is that if you take the pressure "
                    "off, it comes back on its own."
                ),
                "Dr Ruth Calloway, marine ecologist and the survey’s lead author",
            ),
            ("h2", "Nursery for fish, store for carbon"),
            (
                "p",
                (
                    "The meadow’s return has been accompanied by a sharp increase in juvenile "
                    "fish. Net samples found young pollack, wrasse and pipefish at densities four "
                    "times higher than in 2014, and divers recorded the first breeding seahorses "
                    "in the inlet for more than 30 years."
                ),
            ),
            (
                "p",
                (
                    "The researchers estimate that the meadow now holds roughly 13,000 tonnes of "
                    "carbon in its sediments, though they caution that such figures remain "
                    "uncertain and that seagrass restoration is no substitute for cutting "
                    "emissions."
                ),
            ),
            (
                "p",
                (
                    "Boat owners initially opposed the mooring changes, which halved the number of "
                    "berths in the sound. The harbour authority said demand for the remaining "
                    "eco-moorings, which hold the chain clear of the seabed, now exceeds supply, "
                    "and it is considering whether the approach could be extended to two "
                    "neighbouring estuaries."
                ),
            ),
            (
                "p",
                (
                    "The findings, published in a peer-reviewed journal, will be presented to the "
                    "regional marine planning board next month."
                ),
            ),
        ],
        "related": ["wexley-bay-flood-barrier", "kestrel-crew-skerrin-light-record"],
    },
]

DRAFTS = [  # unpublished: seed_demo must keep these out of listings and related links
    {
        "slug": "castlebury-town-last-16-draw",
        "headline": (
            "Castlebury Town drawn at home to second-tier leaders Oxley United in cup last 16"
        ),
        "standfirst": (
            "The fifth-tier side will host the runaway second-division leaders at Mill Lane next "
            "month, and the club has already had more than 10,000 ticket enquiries."
        ),
        "section": "sport",
        "authors": ["owen-castellane"],
        "image": {
            "credit": "Jonah Pell / Touchline Images",
            "caption": (
                "Castlebury Town supporters watch the draw in the clubhouse bar at Mill Lane."
            ),
            "alt": (
                "A crowd of people in amber scarves cheering in a small, crowded bar while looking "
                "up at a television screen mounted on the wall."
            ),
            "colours": ("#e0a32b", "#4a3520"),
        },
        "body": [
            (
                "p",
                (
                    "Castlebury Town will stay at Mill Lane for the last 16 of the cup after being "
                    "drawn at home to Oxley United, the runaway leaders of the second tier."
                ),
            ),
            (
                "p",
                (
                    "Players and about 200 supporters watched the draw on a television in the "
                    "clubhouse bar on Sunday afternoon, and a roar went up when Castlebury’s "
                    "number came out of the bowl first."
                ),
            ),
            ("h2", "Capacity concerns"),
            (
                "p",
                (
                    "Mill Lane holds 3,500, and the club said it had already received more than "
                    "10,000 enquiries about tickets. Season-ticket holders and members will be "
                    "given priority, with any remaining seats sold through a ballot."
                ),
            ),
            (
                "quote",
                (
                    "We asked for a home draw and we got one. Our supporters have waited 112 years "
                    "for a day like this, and they deserve to see it on their own ground."
                ),
                "Castlebury Town’s chairman",
            ),
            ("h2", "Television decision awaited"),
            (
                "p",
                (
                    "The tie is a strong candidate for live broadcast, which would bring the club "
                    "a further fee of about £120,000. The kick-off time will be confirmed later "
                    "this week."
                ),
            ),
            (
                "p",
                (
                    "Oxley have lost only twice in the league all season, but they have not won "
                    "away in the cup for four years."
                ),
            ),
        ],
        "related": ["castlebury-town-cup-upset", "penmoor-ashbridge-rugby-groundshare"],
    },
    {
        "slug": "spring-budget-what-to-expect",
        "headline": (
            "Spring budget: what to expect on fuel duty, childcare and income tax thresholds"
        ),
        "standfirst": (
            "The chancellor has little room for giveaways, but ministers are under pressure to "
            "offer households something before the local elections in May."
        ),
        "section": "politics",
        "authors": ["helen-marchetti", "priya-lindqvist"],
        "image": {
            "credit": "Westgate Political Pictures",
            "caption": (
                "The finance ministry on a grey morning in the week before the budget statement."
            ),
            "alt": (
                "A large pale stone government building with rows of tall windows and a flag on "
                "its roof, seen across a wet street on an overcast day."
            ),
            "colours": ("#4b4f58", "#b0a58a"),
        },
        "body": [
            (
                "p",
                (
                    "The chancellor will deliver the spring budget in a fortnight with borrowing "
                    "running ahead of forecast and very little headroom against the government’s "
                    "own fiscal rules."
                ),
            ),
            ("h2", "Fuel duty"),
            (
                "p",
                (
                    "A temporary cut in fuel duty is due to expire at the end of March. Officials "
                    "have modelled extending it for another year at a cost of about £3bn, and most "
                    "backbench MPs expect it to survive in some form."
                ),
            ),
            ("h2", "Childcare and thresholds"),
            (
                "p",
                (
                    "Ministers are considering bringing forward the next stage of funded childcare "
                    "hours for working parents of one-year-olds. Income tax thresholds, frozen for "
                    "several years, are expected to stay frozen, dragging more earners into higher "
                    "bands."
                ),
            ),
            (
                "quote",
                (
                    "There is simply no money for anything big. The question is which small things "
                    "they can afford, and which they can afford to be seen doing."
                ),
                "A former finance ministry adviser",
            ),
            (
                "p",
                (
                    "Economists expect the independent fiscal forecaster to cut its growth "
                    "estimate for this year, which would leave the chancellor with even less room "
                    "than last autumn."
                ),
            ),
        ],
        "related": ["planning-bill-backbench-revolt", "meridale-mutual-mortgage-rate-freeze"],
    },
]

# Pictures placed inside bodies: slug -> (the body block they come before, the picture).
BODY_FIGURES = {
    "wexley-bay-flood-barrier": (
        3,
        {
            "credit": "Ruth Okafor / Wexley Bay Gazette",
            "caption": "Council crews bolt the last steel panels into place on Monday afternoon.",
            "alt": (
                "Workers in orange overalls lifting a tall grey metal panel into a slot along a "
                "seafront railing, with a crane behind them."
            ),
            "colours": ("#5b6f7d", "#c9b48a"),
        },
    ),
    "skerrin-sound-seagrass-recovery": (
        4,
        {
            "credit": "Kai Lindholm / University of Kingsmere",
            "caption": "A diver counts shoots along a survey line in the sound’s eastern meadow.",
            "alt": (
                "A diver hovering over a dense green seagrass meadow, holding a measuring tape "
                "stretched along the sandy seabed."
            ),
            "colours": ("#0f4c5c", "#5fa8a0"),
        },
    ),
    "lantern-theatre-reopens": (
        3,
        {
            "credit": "Ottilie Brandt / Kestrel Arts Photography",
            "caption": "The restored plasterwork ceiling, hidden for more than sixty years.",
            "alt": (
                "An ornate cream and gold ceiling with a painted oval centrepiece, seen from the "
                "stalls of an empty theatre."
            ),
            "colours": ("#3b1f2b", "#d4a373"),
        },
    ),
}
