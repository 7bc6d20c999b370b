"""Word tables for rule-based entity discovery: data only, no logic.

Every table is generic English/news vocabulary, not a list of entities: the rules
must work on news the tables have never seen.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@functools.cache
def ordinary_words() -> frozenset[str]:
    """The 63,000 words SCOWL's American English list has only in lower case (`angry`,
    `shipments`; not `bush`, `park` or `london`), made by bench/make_ordinary_words.py;
    read on first use (15 ms), by entity suggestions only."""
    path = Path(__file__).with_name("data") / "ordinary_words.txt.gz"
    return frozenset(gzip.decompress(path.read_bytes()).decode().split())


# Words that are capitalised only because they open a sentence (compared casefolded).
FUNCTION_WORDS = _words("""
a an the this that these those some any each every all both either neither no not none
i me my mine we us our ours you your yours he him his she her hers it its they them their
theirs who whom whose which what where when why how whether if unless because since though
whoever whomever whatever whichever wherever whenever however somehow anyhow
someone somebody something anyone anybody anything everyone everybody everything
nobody nothing afterwards afterward beforehand
although while whilst as so than then there here thus hence yet still also too even only
just very much many more most less least few fewer several such same other another own
and or but nor for of in on at by to from with without within into onto upon over under
about above below after before during until till between among amongst against across
through throughout along around behind beyond near off out up down toward towards via per
despite except including like unlike plus versus vs amid
is are was were be been being am do does did done have has had having will would shall
should can could may might must ought let lets
however meanwhile moreover furthermore therefore nevertheless nonetheless otherwise instead
indeed besides overall likewise similarly consequently accordingly anyway altogether
now today tonight yesterday tomorrow later earlier soon once again already always never
often sometimes usually perhaps maybe probably certainly clearly obviously apparently
first second third fourth fifth last next final finally initially previously recently
currently meanwhile elsewhere here nearly almost about around roughly some
yes no oh ok okay well please thanks thank
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand million billion half
according asked said says told added noted speaking asked given following
fellow former top senior leading local rival heavy light early late full partial major minor
officials official police troops rebels soldiers forces shares prices analysts sources
witnesses residents experts investors traders dealers lawyers doctors people men women
children players fans voters workers members leaders critics supporters observers
government state security foreign domestic international national regional
add adds update updated corrected correction repeat refiling
morning afternoon evening night week month year season weekend day
note notes see total totals results result standings table scores score
""")

# Verbs that open a prompt or a sentence before a name: `Enter South Dakota`, `Meet X`.
IMPERATIVES = _words("""
enter visit meet read watch click see please welcome share follow sign get join explore
discover shop buy try check listen subscribe download register vote call ask contact
""")

# Capitalised words that are never entities on their own, wherever they stand.
NEVER_ALONE = _words("""
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
jan feb aug sept oct nov dec mon tue tues wed thu thur thurs fri
i god mr mrs ms dr sir madam mister miss
am pm gmt est edt bst cet utc
north south east west northern southern eastern western central
internet web online
""")

# Acronyms that are units, statistics or jargon rather than names.
ACRONYM_STOP = _words("""
AM PM GMT EST EDT BST CET UTC TV CEO CFO COO MP MPS GDP GNP CPI PPI VAT CD CDS DVD PC PCS
OK II III IV VI VII VIII IX XI XII PCT GB ERA RBI RBIS HR IP SO BB AB NO NR AKA USD EUR
GBP JPY DEM FRF BPS PE PS PR ID IDS FAQ DNA HIV AIDS UFO SUV ATM AI IT Q1 Q2 Q3 Q4 FY
W D L F A P PTS MIN SEC KM KG MPH KMH CM MM FT LB LBS OZ YDS YD
""")

# Titles and honorifics that precede a person's name.
PERSON_TITLES = _words("""
mr mrs ms miss mister dr prof professor sir dame lord lady
president vice-president premier chancellor minister secretary senator sen rep representative
congressman congresswoman governor gov mayor ambassador envoy judge justice
king queen prince princess duke duchess emperor empress sultan emir sheikh sheik shah
pope cardinal archbishop bishop rabbi imam reverend rev father sister brother saint st
general gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm
sergeant sgt corporal cpl private marshal field-marshal brigadier
chairman chairwoman chair chief director coach manager spokesman spokeswoman commissioner
deputy acting former late chief-executive
""")

# Short titles, written out in a description (`Sen.` → `Senator`).
TITLE_ABBREVIATIONS = {
    "gov": "Governor", "sen": "Senator", "rep": "Representative", "gen": "General",
    "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "capt": "Captain", "cmdr": "Commander",
    "adm": "Admiral", "sgt": "Sergeant", "cpl": "Corporal", "rev": "Reverend", "prof": "Professor",
    "pres": "President", "supt": "Superintendent", "atty": "Attorney", "amb": "Ambassador",
}
EXECUTIVE_TITLES = _words("ceo cfo coo cto")

# Words that join a title (`Foreign Minister`, `Prime Minister`) or qualify it.
TITLE_MODIFIERS = _words("""
prime foreign finance defence defense interior economy economics trade justice health
education labour labor energy agriculture transport culture home state deputy vice first
acting former chief executive general attorney foreign-affairs opposition party
""")

# Lowercase role nouns that announce a name: `Surrey captain Chris Lewis`.
ROLE_NOUNS = _words("""
president prime minister chancellor secretary senator governor mayor ambassador envoy
spokesman spokeswoman spokesperson chairman chairwoman chief director coach manager
captain striker midfielder defender goalkeeper keeper forward winger pitcher batsman
bowler driver rider player champion leader founder chef author writer singer actor
actress artist economist analyst lawyer attorney judge official commander general
colonel officer commissioner premier king queen prince president-elect minister-president
fullback halfback quarterback linebacker receiver catcher shortstop outfielder jockey trainer
skipper teammate compatriot opponent challenger incumbent candidate nominee veteran rookie
democrat republican
executive employee worker resident witness passenger student teacher doctor nurse
researcher scientist reporter journalist photographer activist lawmaker legislator diplomat
investor banker farmer owner co-founder cofounder
""")

# Heads that make a capitalised run an organisation.
ORG_HEADS = _words("""
inc inc. corp corp. corporation co co. ltd ltd. plc llc lp ag sa nv bv gmbh spa ab asa oyj
company companies group holdings holding bank bancorp trust fund funds capital partners
securities exchange airlines airways motors motor industries industry petroleum oil gas
energy steel telecom telecommunications communications electric electronics systems
technologies technology pharmaceuticals foods mining resources insurance investments
ministry department office agency bureau commission committee council authority board
service services administration directorate secretariat parliament congress senate
assembly government cabinet court tribunal police army navy force forces guard
party movement front alliance coalition union federation confederation league association
society institute institution university college school academy foundation centre center
organisation organization church mosque club fc afc cf sc united city rovers wanderers
athletic hospital museum library news times post journal herald tribune gazette daily
press agency network radio television tv broadcasting channel magazine review reuters
""")

# Heads that make a capitalised run a place.
PLACE_HEADS = _words("""
city town village county province state states region district island islands isle
mountains mountain mount mt river lake sea ocean gulf bay strait coast valley peninsula
desert street st avenue ave road square park bridge airport port harbour harbor station
republic kingdom emirates territory territories oblast krai
""")

# Heads that make a capitalised run an event.
EVENT_HEADS = _words("""
war wars battle revolution crisis summit conference election elections referendum games
olympics olympiad cup championship championships open tournament trophy grand prix
festival expo fair award awards prize treaty accord accords agreement protocol
massacre attack attacks uprising rebellion coup strike strikes marathon series derby
""")

# Heads that may follow `of` inside a name: `Bank of England`, `Republic of Ireland`.
OF_HEADS = _words("""
bank republic kingdom university ministry department board bureau council chamber court
house institute college school academy league federation union association society party
church city county state states gulf bay isle isles cape strait sea lake river mount
duke duchess earl prince princess king queen secretary minister governor president
commission committee office museum bishop archbishop order army navy people peoples
united federal islamic democratic
""")

# Heads that may take a complement with `for` or `on` inside a name: `Organisation for
# Security and Cooperation`, `Commission on Presidential Debates`, `Council on Foreign
# Relations` (inside the complement, `and` may join capitalised words too).
COMPLEMENT_HEADS = _words("""
organisation organization commission committee council centre center institute society
association federation foundation agency office ministry department union league fund
alliance coalition movement campaign court party front board bureau authority service
school college university academy programme program network conference forum
""")

# Lowercase particles inside personal and place names.
NAME_PARTICLES = _words("""
de da das do dos del della dello delle degli di du la le van von der den ter al el bin ibn
ben abu bint y
""")

# Nationality and group adjectives: MISC, not entities, and not part of a following name.
NATIONALITIES = _words("""
afghan albanian algerian american andorran angolan argentine argentinian armenian
australian austrian azerbaijani azeri bahraini bangladeshi barbadian belarusian belgian
belizean beninese bhutanese bolivian bosnian botswanan brazilian british bruneian
bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean
chinese colombian congolese croatian croat cuban cypriot czech danish dutch ecuadorean
ecuadorian egyptian emirati english eritrean estonian ethiopian european fijian filipino
finnish french gabonese gambian georgian german ghanaian greek grenadian guatemalan
guinean guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi
irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar
kuwaiti kyrgyz lao laotian latvian lebanese liberian libyan lithuanian luxembourgish
macedonian malagasy malawian malaysian maldivian malian maltese mauritanian mauritian
mexican moldovan monegasque mongolian montenegrin moroccan mozambican namibian nepalese
nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan peruvian polish portuguese qatari romanian russian rwandan salvadoran samoan
saudi scottish senegalese serbian serb seychellois singaporean slovak slovakian slovenian
slovene somali african asian arab arabian balkan baltic caribbean latin nordic
scandinavian sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian
thai togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan
uzbek venezuelan vietnamese welsh yemeni yugoslav yugoslavian zambian zimbabwean
kurdish kurd palestinian chechen tatar tibetan uighur uyghur basque catalan flemish
walloon sikh hindu muslim moslem christian catholic protestant jewish buddhist soviet
""")

# Group adjectives: not entities alone, but they start names (`Democratic Party`).
GROUP_ADJECTIVES = _words("""
western eastern northern southern communist socialist republican democrat democratic
conservative liberal islamic islamist shia shiite sunni olympic
""")

# Plural group nouns: `Russians`, `Serbs`, `Democrats` are MISC or groups.
NATIONALITY_PLURAL_SUFFIXES = ("ans", "ians", "ese", "ish", "is")

# Common capitalised words in headlines/sections that are not names.
COMMON_CAPS = _words("""
chapter section part page figure table photo video audio update editor note notes
breaking live exclusive analysis opinion comment interview report reports special
""")

# Common first names across languages: a name after one of these is a person.
FIRST_NAMES = _words("""
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy ethan
carl keith roger gerald christian terry sean arthur austin noah lawrence jesse joe bryan
billy jordan albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene
randy vincent russell louis philip bobby johnny bradley mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly
danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
vladimir olaf boris angela emmanuel francois jacques pierre jean-pierre jean-claude
michel alain nicolas hans klaus helmut gerhard wolfgang jurgen juergen dieter gunter
friedrich heinrich karl otto franz josef sergei sergey dmitry dmitri mikhail alexei
alexey nikolai ivan igor yuri oleg andrei andriy volodymyr viktor victor petro yulia
giuseppe giovanni carlo marco luca antonio francesco mario luigi paolo silvio romano
jose carlos luis manuel miguel pedro javier fernando ricardo rafael jorge alejandro
diego pablo sergio andres ana carmen lucia isabel
mohammed mohammad muhammad mohamed ahmed ahmad ali hassan hussein hosni yasser omar
abdul abdullah ibrahim khalid mahmoud mustafa benjamin shimon yitzhak ariel ehud moshe
li wang zhang liu chen yang zhao huang zhou wu xi hu jiang deng kim park lee
hiroshi takeshi yoshiro ryutaro junichiro shinzo taro
nelson kofi thabo jacob robert desmond
boutros benazir nawaz atal narendra rahul sonia indira rajiv
""")

# Generic words that may trail a name without being part of it: `World Central Kitchen Hub`.
TRAILING_GENERIC = _words("""
hub branch unit facility site warehouse compound campus premises outlet
""")

# Head nouns of a description that tell the type: `Ukraine’s second-largest city` → place.
PLACE_NOUNS = _words("""
country capital nation enclave suburb neighbourhood neighborhood city town village region
province state republic territory island port area district county oblast
""")
PERSON_NOUNS = _words("""
man woman boy girl son daughter wife husband mother father brother sister widow
politician activist dissident journalist reporter editor businessman businesswoman
tycoon billionaire millionaire banker scientist professor teacher student soldier
veteran candidate nominee rival successor predecessor ally aide adviser advisor
""")

# First words of airlines' and sports clubs' names, before the place they are named for
# (`Air France`, `Real Madrid`, `Dynamo Kiev`).
ORG_OPENERS = _words("""
air real sporting inter atletico athletic dynamo dinamo olympique racing
""")

# Words of organisation, place and work names that no personal name contains.
NOT_PERSON_WORDS = (
    _words("""
world central national international global general united new old great grand royal
kitchen policy terms privacy sun times post news daily weekly star house home street
road city county state federal public first best free open high low north south east west
northern southern eastern western upper lower red blue green black white golden silver
american european african asian pacific atlantic democratic republican socialist
peoples people human rights relief aid action health research development energy
san santa santo sao los las el tel sri hong puerto porto port fort saint st lake mount cape
""")
    | ORG_OPENERS
    | ORG_HEADS
    | PLACE_HEADS
    | EVENT_HEADS
)
