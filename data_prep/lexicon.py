"""The English word lists the stages use: the one place to edit them.

Each list is defined once here; ``dates``, ``figures`` and the mention modules import it.
Editing guide:

- Words are lowercase; a value says what the word means (a month's number, a number
  word's value). Phrases are written with single spaces ("a couple of", "new year's eve").
- Adding a word to a list changes every stage that reads the list (each section names
  its readers). Run ``make eval`` and compare the tables before and after.
- A holiday is one entry of ``FIXED_HOLIDAYS`` (month, day): the date grammar, its
  start-word gate and its keyword prefilter pick it up. One that moves goes in
  ``COMPUTED_HOLIDAYS`` with its rule in ``date_forms.holiday_date``. Holidays are matched
  capitalised as written here ("Boxing Day", not "boxing day").
- A malformed entry (uppercase, double spaces, a month outside 1-12) stops the import
  with an error naming the list and the entry.
- Date *forms* (how words combine into "the third quarter of 2023") are not here: they are
  rows of ``data_prep/date_forms.py``. A form reads the lists below, so a new month
  abbreviation or holiday reaches every form at once.
- Unit words, aliases, nationalities and topics have their own CSV files in ``data/``.

Nothing here is loaded from disk: the lists are plain constants, checked once at import
(:func:`_check`), so a worker process has them as soon as it imports the package, and the
date grammar is compiled from them at import.
"""
from __future__ import annotations

# --- calendar (dates, figures) -------------------------------------------------------------
# Month names to their number, in calendar order.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations, written with or without a full stop ("Nov. 17"); longer forms first
# ("Sept" before "Sep"), since the grammar tries them in this order.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_WORDS = {**MONTHS, **MONTH_ABBREVIATIONS}
# Weekday names to Python's weekday number (Monday is 0).
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
# Meteorological seasons, northern hemisphere: the month each starts in (three months long).
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Holidays on the same day every year: (month, day).
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "orthodox christmas": (1, 7), "may day": (5, 1), "halloween": (10, 31),
    "valentine's day": (2, 14),
}
# Holidays that move: their dates are computed in ``date_forms.holiday_date``.
# Days news name by their numbers alone ("post-9/11", "the 7/7 bombings"): (year, month, day).
NAMED_DAYS = {"9/11": (2001, 9, 11), "7/7": (2005, 7, 7)}
# Words before a named day that make its numbers this year's day ("the vote is scheduled for
# 9/11"), not the day it names: no event.
NUMERIC_DAY_LEADS = frozenset({"on", "for", "of", "by", "until", "till"})
COMPUTED_HOLIDAYS = ("easter", "easter sunday", "thanksgiving")

# --- numbers (dates, figures) --------------------------------------------------------------
SMALL_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Counts a relative date accepts ("two weeks ago", "a couple of days later"): the
# number words news use with time units (one to twelve, fifteen, twenty, thirty).
DATE_COUNT_WORDS = {
    "a": 1, "an": 1, "a couple of": 2,
    **{w: n for w, n in {**SMALL_NUMBERS, **TENS}.items() if 1 <= n <= 12 or n in (15, 20, 30)},
}
# Units of "two weeks ago", "three years later"; "hour", "weekend" and "quarter" are
# accepted by single date forms only (see date_forms).
CALENDAR_UNITS = ("day", "week", "month", "year", "decade")
# Ordinals of a quarter ("the third quarter"); "final" is the fourth.
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4, "final": 4}

# --- dates: when a word counts as a date, and its tense ------------------------------------
# Words before a bare month, year, quarter or holiday that make it a date ("in May", "by 2030").
DATE_LEADS = frozenset({"in", "on", "since", "until", "till", "by", "from", "before", "after",
                        "during", "through", "to", "of", "between", "and", "or", "early", "late",
                        "mid", "last", "next", "this", "as", "at", "around"})
# Words before "the next year" that make it a span from publication ("over the next year").
ROLLING_LEADS = frozenset({"over", "in", "within", "during", "for", "throughout", "across"})
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})
MODALS = frozenset({"could", "may", "might", "should", "must", "can", "ca"})
# Lemmas that make whatever they govern future ("scheduled for Friday", "expected in March").
# Not "due": "payments due in May" are as often missed deadlines as coming ones.
FUTURE_LEMMAS = frozenset({"schedule", "expect", "upcoming", "slate", "forthcoming"})
# Intentions are future only for their infinitive ("vowed to strike in May", not "vowed in May").
INTENT_LEMMAS = frozenset({"set", "plan", "intend", "aim", "hope", "want", "prepare", "vow",
                           "pledge", "promise", "propose", "seek", "threaten", "schedule", "slate"})
PAST_CUES = frozenset({"since", "ago"})  # the word right before a date
FUTURE_CUES = frozenset({"upcoming", "forthcoming", "coming"})
# Determiners before a modern year that make it a year modifying its noun ("the 2022 elections",
# "their 1960 levels"), not a count ("1950 residents", "these 1500 soldiers") (``dates``).
YEAR_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "my", "your", "whose"})
MODERN_YEARS = (1900, 2099)
# Heads a date hangs from that put it after the clause's event ("announced hours ahead of
# Russia's 9 May parade"): the clause's past tense does not place the date, its nearest
# occurrence is meant (``dates``).
AHEAD_WORDS = frozenset({"ahead"})
# Words before a date that mark where something ends: unless the clause is past, the date is
# still to come ("the programme runs through June", "sanctions stay until March").
UNTIL_CUES = frozenset({"through", "until", "till", "til", "thru"})
# Words after a four-digit number that make it a clock time, not a year ("at 2000 GMT").
CLOCK_WORDS = frozenset({"gmt", "bst", "utc", "cet", "cest", "eet", "eest", "est", "edt", "pst",
                         "pdt", "msk", "hours", "hrs", "h", "zulu"})
# Two-word clock tails: "at 2000 local time"; "the 2019 local elections" is a year.
CLOCK_PHRASES = frozenset({"local time"})
# Dependencies of a date that modifies the noun after it ("Moscow's 24 February invasion",
# "the March 5 referendum"): it names an event, so the clause's tense is not the date's.
ATTRIBUTIVE_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "npadvmod"})

# --- figures: numbers, qualifiers and what is not a figure ---------------------------------
# Abbreviated scales written as their own token after the number ("56.2 bn").
SCALE_TOKENS = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "trn": 1e12, "k": 1e3}
# Scales glued to the digits ("3bn", "30k"), matched case-sensitively; "b" only after a sign.
SCALE_SUFFIXES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "K": 1e3, "tn": 1e12, "trn": 1e12,
                  "bln": 1e9, "mln": 1e6}
# Vague amounts and the lower bound they report ("dozens" -> 12).
VAGUE_AMOUNTS = {"tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0,
                 "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
FEW_WORDS = frozenset({"several", "few", "many", "some"})  # "several hundred", "a few thousand"
# Denominators of shares in words ("two-thirds", "a fifth of").
FRACTIONS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
             "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
             "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
NUMERATORS = {"a": 1, "an": 1, **{w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= 9}}
# "half" is a share before these ("half of", "half the") ...
HALF_NEXT = frozenset({"of", "the", "its", "their", "his", "her", "our", "your", "all", "that",
                       "this", "those", "these"})
# ... but not after these ("the first half", "a half").
NOT_HALF_PREV = frozenset({"first", "second", "other", "latter", "former", "a", "an", "the",
                           "each", "one", "and", "by"})
# Qualifiers before a number; all make it approximate ("between" only with a range).
QUALIFIERS = frozenset(tuple(q.split()) for q in (
    "about", "around", "approximately", "approx", "approx.", "roughly", "nearly", "almost",
    "over", "more than", "less than", "fewer than", "up to", "at least", "some", "an estimated",
    "estimated", "as many as", "as much as", "as few as", "as little as", "close to",
    "just over", "just under", "well over", "upwards of", "in excess of", "under", "below",
    "above", "at most", "no more than", "not more than", "no fewer than", "no less than",
    "circa", "c.", "between", "an approximate", "just about", "more or less"))
# Qualifiers that are also prepositions: before a bare "one" they are not qualifiers
# ("about one thing").
PREPOSITION_QUALIFIERS = frozenset({("about",), ("around",), ("over",), ("under",), ("above",),
                                    ("below",), ("some",)})
TRAILING_APPROX = frozenset({"more", "so", "less", "fewer"})  # "40 or more", "a dozen or so"
# Nouns of time: "three days" is a duration, not a figure.
TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend",
                        "fortnight", "month", "year", "decade", "century", "millennium", "time",
                        "season", "term", "quarter", "semester", "lifetime"})
# Words after a number that make it a time of day or an era ("5 pm", "70 AD").
TIME_AFTER = frozenset({"am", "pm", "a.m.", "p.m.", "gmt", "bst", "cet", "cest", "est", "edt",
                        "pst", "utc", "hrs", "hours", "o'clock", "local", "ad", "a.d.", "bc",
                        "b.c.", "bce", "ce"})
# Words before a number that make it a reference or a label ("Article 5", "aged 70").
REFERENCE_WORDS = frozenset({
    "no", "no.", "nos", "nos.", "number", "#", "article", "section", "chapter", "page", "pages",
    "resolution", "room", "flight", "route", "highway", "platform", "gate", "paragraph",
    "clause", "item", "grade", "level", "phase", "stage", "round", "line", "block", "apartment",
    "bus", "tram", "channel", "radio", "category", "class", "type", "model", "version",
    "series", "mark", "mk", "pier", "terminal", "lot", "box", "code", "act", "rule", "bill",
    "protocol", "division", "brigade", "battalion", "regiment", "corps", "army", "squadron",
    "unit", "district", "ward", "zone", "sector", "building", "floor", "window", "door",
    "table", "figure", "fig", "fig.", "tier", "week", "day", "matchday", "group", "pool",
    "exit", "junction", "bay", "cell", "top", "aged", "age", "ages"})
# Determiners before a small number that make it a reference ("the two sides").
DEFINITE_WORDS = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "my",
                            "your", "both", "whose"})
# Words after a lone "m" that make it metres, not millions ("a 100m sprint").
METRE_NEXT = frozenset({"high", "tall", "long", "deep", "wide", "away", "below", "above",
                        "underground", "sprint", "hurdles", "freestyle", "relay", "race", "final",
                        "butterfly", "backstroke", "breaststroke", "medley", "dash", "metres",
                        "run", "-"})
# Verbs of change: "rose 5 to 7" is two figures, not a range.
CHANGE_VERBS = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "slip", "decline",
    "surge", "soar", "plunge", "slump", "gain", "lose", "cut", "raise", "reduce", "edge",
    "tumble", "sink", "dip", "rally", "improve", "widen", "narrow", "shrink", "expand", "slide",
    "ease", "lift", "lower", "boost", "double", "halve", "swell", "rocket", "go", "move",
    "revise", "change"})
HYPHEN_OK = frozenset({"strong", "plus", "odd", "a", "per"})  # "12,000-strong", "£3bn-a-year"
# Nouns that say nothing about what is measured: "a peak of $120bn", "part of the £12bn".
GENERIC_NOUNS = frozenset({"part", "rest", "bulk", "share", "portion", "total", "sum",
                           "majority", "minority", "maximum", "minimum", "average", "peak",
                           "tune", "level", "figure", "number", "amount", "high", "low", "record",
                           "excess", "region", "upwards"})

# --- people and organisations (mentions, names, linking) -----------------------------------
# Titles and descriptions written before a name ("President", "farmer" is caught by case).
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "president", "presidents",
    "vice", "prime", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "pope", "emperor", "sheikh", "ayatollah", "general", "gen", "lt", "lieutenant",
    "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral",
    "commander", "cmdr", "marshal", "field", "brig", "brigadier", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "judge",
    "justice", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "chief", "ceo", "director", "deputy", "acting", "former", "foreign",
    "defence", "defense", "interior", "finance", "health", "home", "state", "first", "leader",
    "archbishop", "bishop", "cardinal", "rev", "reverend", "father", "rabbi", "imam", "professor",
    "prof", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "skipper",
    "boss", "dictator", "tsar", "czar", "patriarch", "metropolitan", "oligarch", "opposition",
    "activist", "analyst", "correspondent", "reporter", "editor", "author", "economist", "officer",
    "commissioner", "attorney", "solicitor", "lawyer", "host", "presenter", "singer", "actor",
    "actress", "star", "official", "officials", "counterpart", "private", "pte", "cpl", "corporal",
    "dj", "mp", "mep", "msp", "mla", "st", "saint",
    # party labels written before a name ("Tory Liam Fox", "Republican Senator John McCain")
    "tory", "labour", "conservative", "liberal", "democrat", "democratic", "republican",
    "socialist", "communist", "green",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
# Lowercase particles inside names ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "du",
                            "la", "le", "bin", "ibn", "al", "el", "ter"})
# Head nouns of organization names: a "person" whose name ends in one is an organization.
ORG_HEAD_NOUNS = frozenset({
    "republic", "party", "army", "forces", "force", "front", "movement", "council", "committee",
    "commission", "ministry", "department", "office", "agency", "service", "services", "bureau",
    "institute", "institution", "university", "college", "school", "academy", "foundation", "fund",
    "trust", "bank", "group", "company", "corporation", "association", "union", "federation",
    "league", "club", "church", "court", "parliament", "assembly", "congress", "senate", "government",
    "administration", "authority", "news", "times", "post", "press", "journal", "radio", "tv",
    "television", "network", "airlines", "airways", "brigade", "battalion", "regiment", "division",
    "corps", "guard", "police", "centre", "center", "observatory", "society", "organization",
    "organisation", "alliance", "coalition", "exchange", "board", "tribunal", "hospital", "museum",
    "fleet", "command",
})
# A "full name" ending in one of these is a company ("Leadplex LLC").
COMPANY_SUFFIXES = frozenset({"llc", "inc", "ltd", "plc", "corp", "corporation", "co", "gmbh",
                              "ag", "sa", "nv", "bv", "spa", "group", "holdings", "limited", "llp",
                              "lp", "company"})
# Plural trade words that end a company's full name, whose first word alone is then its short
# form in the article ("Kestrel Networks" ... "Kestrel said"; ``linking``), as with
# ``COMPANY_SUFFIXES``.
COMPANY_TRADE_TAILS = frozenset({"networks", "systems", "industries", "technologies", "airlines",
                                 "airways", "motors", "communications", "pharmaceuticals",
                                 "electronics", "telecommunications", "cruises", "studios"})
# Words before a name in a byline or credit line ("By Ann Lee", "Photo: Kyrylo Yevseyev"): the
# name the model missed there is a person.
CREDIT_WORDS = frozenset({"by", "photo", "photos", "photograph", "picture", "pictures", "credit",
                          "reporting", "writing", "editing", "video", "illustration", "words"})
# Nouns after a town's name that make it a club ("Tottenham manager Martin Jol", "Leeds fans").
CLUB_ROLE_NOUNS = frozenset({"manager", "coach", "striker", "midfielder", "defender", "goalkeeper",
                             "keeper", "skipper", "boss", "fans", "supporters", "squad", "winger",
                             "forward", "full-back", "centre-back", "playmaker", "academy"})
# Sports clubs (``actor_cues.club_cue``): words a club's name starts or ends with ("AC Milan",
# "Leeds United"); the verbs and phrases that make a town's name before or after them the
# club ("Chelsea beat X", "drew with X", "playing for X"); the nouns after a town's name that
# make it a side ("the Milan side"); a score ("5-1") next to "against"/"for" a town.
CLUB_NAME_PREFIXES = frozenset({"ac", "fc", "afc", "real", "inter", "atletico", "atlético",
                                "sporting", "dynamo", "dinamo", "olympique", "borussia"})
CLUB_NAME_SUFFIXES = frozenset({"united", "city", "rovers", "fc", "afc", "athletic", "wanderers",
                                "albion", "hotspur"})
CLUB_VERBS_AFTER = frozenset({"beat", "beats", "drew", "draw", "draws", "thrashed", "edged",
                              "defeated", "hammered", "trail", "trailed"})
CLUB_PHRASES_BEFORE = frozenset({"beat", "beats", "beating", "drew with", "draw with",
                                 "drawing with", "take on", "takes on", "took on", "played",
                                 "playing for", "played for", "plays for", "play for",
                                 "signed for", "signed from", "joined from", "scored against",
                                 "scored for", "lost to", "losing to", "knocked out by",
                                 "defeat to", "win over", "victory over", "win against"})
# A sports report: three or more of these words (``actor_cues.sport_report``). There a town after
# one of ``CLUB_WORDS_IN_SPORT`` is the club ("his debut against Portsmouth", "joined Tottenham",
# "won the cup with Marseilles", "the derby with Birmingham").
SPORT_WORDS = frozenset({"goal", "goals", "scored", "scoring", "match", "matches", "league", "striker",
                         "midfielder", "defender", "goalkeeper", "debut", "derby", "premiership",
                         "champions league", "fixture", "fixtures", "penalty", "penalties", "kick-off",
                         "half-time", "transfer window", "national side", "squad", "coach", "manager",
                         "season", "tries", "fly-half", "scrum-half", "scrum", "lineout", "wicket",
                         "wickets", "innings", "semi-final", "quarter-final", "hat-trick"})
CLUB_WORDS_IN_SPORT = frozenset({"against", "with", "joined", "joining", "join", "v", "vs", "face",
                                 "faces", "faced", "facing", "host", "hosts", "hosted", "hosting"})
# In a sports report, a team's players and results after a town's name make it the club: a
# position before a player's name ("X centre Tom Hale", "X prop Tom Hale") or, within three
# words after "X's", a result or a part of the team ("X's 30-3 win", "X's starting line-up").
PLAYER_POSITIONS = frozenset({"prop", "hooker", "lock", "flanker", "centre", "fly-half", "scrum-half",
                              "wing", "number", "full-back", "captain", "winger", "striker",
                              "midfielder", "defender", "goalkeeper", "keeper", "skipper", "coach",
                              "manager", "boss", "forward", "centre-back", "playmaker",
                              "utility", "back-rower", "half-back", "stand-off", "eight", "batsman",
                              "bowler", "all-rounder", "wicketkeeper", "chairman"})
# Words that may stand between the town and the position ("X loosehead prop Tom Hale").
POSITION_MODIFIERS = frozenset({"loosehead", "tighthead", "inside", "outside", "openside", "open-side",
                                "blindside", "blind-side", "assistant", "head", "reserve", "veteran",
                                "young", "new", "first-choice", "teenage"})
CLUB_POSSESSIONS = PLAYER_POSITIONS | frozenset({
    "win", "victory", "defeat", "loss", "draw", "line-up", "lineup", "squad", "side", "team",
    "players", "player", "prospect", "fans", "supporters", "academy", "bench", "youngsters",
    "signing", "pack", "backs", "forwards", "front-row", "back-row", "first-team"})
CLUB_SIDE_NOUNS = frozenset({"side", "team", "players", "squad", "fans", "supporters"})
# Music acts (``actor_cues``): nouns after a name that make it a band ("X picked up best band").
BAND_NOUNS = frozenset({"band", "bands", "frontman", "frontwoman", "line-up", "lineup"})
# A band's works and shows after "their" ("X will play their new album on tour"): with no "he"
# or "his" before, the name the sentence opens with is the act's.
MUSIC_WORKS = frozenset({"album", "albums", "tour", "tours", "single", "singles", "gig", "gigs",
                         "record", "records", "ep"})
# Verbs in the plural after a lone subject name: a band or a club ("X were the big winners"),
# no single person.
PLURAL_VERBS = frozenset({"were", "are", "have"})
# Words that stop a look for a band noun: the name is a person's ("X and his band").
PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})
# TITLES that are no person's role on their own: modifiers and party labels ("foreign",
# "Tory"). The rest, before a name or as its apposition ("the German chancellor, X",
# "presenter X"), make a name the model tagged as an organization a person.
TITLE_MODIFIERS = frozenset({
    "vice", "prime", "former", "acting", "deputy", "foreign", "defence", "defense", "interior",
    "finance", "health", "home", "state", "first", "field", "opposition", "private", "st",
    "saint", "tory", "labour", "conservative", "liberal", "democrat", "democratic", "republican",
    "socialist", "communist", "green", "chief", "star", "host", "home", "officials"})
# Nouns before a name that say it is an organization ("metals firm Rusal", "parts maker
# Robert Bosch", "club side Sale Sharks"): a name the model tagged as a person is one.
ORG_DESCRIPTORS = frozenset({
    "firm", "firms", "company", "companies", "maker", "makers", "carmaker", "manufacturer",
    "giant", "group", "conglomerate", "club", "side", "team", "bank", "lender", "insurer",
    "carrier", "airline", "retailer", "supermarket", "chain", "broadcaster", "newspaper",
    "tabloid", "magazine", "agency", "outlet", "platform", "band", "brand", "producer",
    "supplier", "operator", "network", "studio", "studios", "label", "startup", "start-up",
    "subsidiary", "distributor", "publisher", "developer", "watchdog",
    "regulator", "charity", "organisation", "organization", "party", "outfit", "channel",
    "station", "miner", "refiner", "automaker", "utility", "consultancy", "provider"})
# Lowercase words the model takes into an organization's name after it ("Interfax news agency").
TRAILING_DESCRIPTORS = ORG_DESCRIPTORS | {"news", "television", "radio", "daily", "weekly"}
# Descriptors that also follow a person's name as his circle ("the X camp", "the X team"): after
# a name tagged PERSON they make no organization of it (``actor_cues``).
PERSON_SIDE_NOUNS = frozenset({"side", "team", "party", "group", "club", "outfit", "camp"})
# Descriptors that also name a person's trade ("record producer X, who"): with ", who" after
# the name, a person.
TRADE_DESCRIPTORS = frozenset({"producer", "developer", "publisher", "distributor", "operator", "supplier",
                               "miner", "maker"})
# Last words of newspaper names ("the Evening Chronicle"): a name ending in one is the paper,
# even one the model tagged as an event or a law.
PRESS_NAME_ENDINGS = frozenset({
    "telegraph", "mail", "mirror", "herald", "tribune", "gazette", "express", "observer",
    "chronicle", "guardian", "independent", "standard", "courier", "inquirer", "examiner",
    "pravda", "izvestia"})
# The tail of a Sunday paper named after its weekday sister ("the Mail on Sunday", "the
# Independent on Sunday"): after a word of ``PRESS_NAME_ENDINGS`` the model left untagged, the
# words belong to the paper's name (``mentions``). Lowercase.
PRESS_SUNDAY_TAIL = ("on", "sunday")
# Last words of newspaper, media and company names ("Daily Telegraph", "Voi Technology"): a
# name ending in one is never taken for a person by the context cues (see ``actor_cues``).
ORG_NAME_ENDINGS = PRESS_NAME_ENDINGS | frozenset({
    "technology", "technologies", "intelligence", "media", "energy",
    "capital", "partners", "holdings", "systems", "solutions", "labs", "ventures", "pictures",
    "studios", "records", "motors", "pharmaceuticals", "communications", "telecom", "mine",
    "mines", "mining", "resources", "images", "day", "week", "magazine", "weekly", "daily",
    "nations"})
# Occupations written before a name or as its apposition ("the anti-immigration politician X",
# "X, a film-maker"): only people have them, so a name the model tagged ORG is a person.
PERSON_OCCUPATIONS = frozenset({
    "politician", "film-maker", "filmmaker", "novelist", "playwright", "poet", "artist",
    "comedian", "musician", "composer", "businessman", "businesswoman", "entrepreneur",
    "campaigner", "scientist", "historian", "philosopher", "broadcaster", "sculptor", "painter",
    "rapper", "songwriter", "singer-songwriter", "guitarist", "drummer", "bassist", "pianist",
    "violinist", "cellist", "conductor", "soprano", "tenor", "designer", "choreographer",
    "lawmaker", "legislator", "billionaire", "tycoon", "blogger", "dissident", "strategist",
    "researcher", "surgeon", "soldier", "diplomat", "co-founder", "vocalist",
    "athlete", "sprinter", "hurdler", "footballer", "cricketer", "batsman", "golfer", "boxer",
    "cyclist", "swimmer", "jockey"})
# Kin nouns before a name or as its apposition ("his nephew X Y", "X Y, the widow of Z"): the
# name is a person's, whatever the model tagged (``actor_cues``).
KIN_NOUNS = frozenset({
    "son", "sons", "daughter", "daughters", "wife", "husband", "widow", "widower", "brother",
    "brothers", "sister", "sisters", "nephew", "nephews", "niece", "nieces", "cousin", "cousins",
    "uncle", "aunt", "grandson", "granddaughter", "stepson", "stepdaughter", "mother",
    "fiancee", "fiancé", "fiancée", "girlfriend", "boyfriend"})
# Occupations the model glues, capitalised at a sentence's head, to the name after them and
# tags the whole an organization ("Rapper X Y has ..."): the role is dropped, the name is a
# person's (``mentions``). Not "general", "prince", "king", "state": they open bodies' names.
ROLE_LED_NAMES = PERSON_OCCUPATIONS | frozenset({"singer", "actor", "actress", "presenter", "dj"})
# Media roles written after an outlet's name ("Daily Telegraph columnist", "Guardian
# correspondent"): the name before one is the outlet.
MEDIA_ROLES = frozenset({"columnist", "correspondent", "journalist", "reporter", "editor",
                         "commentator", "photographer", "critic", "writer"})
# Plural media roles after a name that only an outlet's staff take ("Kommersant journalists");
# "Virus writers", "film critics" are no outlet's.
MEDIA_STAFF = frozenset({"columnists", "correspondents", "journalists", "reporters", "editors", "photographers"})
# Head nouns that name nobody when written alone ("the Commission", "Group" of a split "Group of
# 20", "the Army chief": whose army the word alone does not say); "Congress", "Senate" or "Times" alone do name a body.
GENERIC_ORG_WORDS = frozenset({
    "group", "institute", "institution", "office", "ministry", "department", "agency", "bureau",
    "committee", "commission", "company", "corporation", "association", "foundation", "fund",
    "organization", "organisation", "society", "authority", "service", "services", "centre",
    "center", "board", "network", "coalition", "federation", "movement", "front", "trust", "party",
    "army", "navy", "state", "club"})
# Verbs after a lone name that make it a news outlet ("Politico reports", "Interfax reported").
OUTLET_VERBS = frozenset({"reports", "reported", "reporting"})
# What a company owns: a name with one of these after its possessive is an organization
# ("Rusal's shares", "Telefonica's profits").
ORG_POSSESSIONS = frozenset({"shares", "share", "stock", "profits", "profit", "revenue",
                             "revenues", "sales", "shareholders", "subsidiary", "subsidiaries",
                             "headquarters", "turnover", "earnings", "customers", "stores"})
# Words skipped when taking an organization's initials ("Bank of England" -> "BE").
INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la",
                           "le", "al"})

# --- groups (mentions) ----------------------------------------------------------------------
# Adjectives of world regions and of religions: the model tags them NORP, but they name no
# country's people, so they are no group (bench/labels/README.md: "European", "Western",
# "Nordic", "Middle Eastern" as adjectives and religions are not labelled). Plurals ("Europeans",
# "Muslims") are derived in code; nationalities without a country ("Kurdish") stay groups.
NON_GROUP_ADJECTIVES = frozenset({
    # regions and continents
    "european", "western", "eastern", "northern", "southern", "nordic", "scandinavian", "baltic",
    "balkan", "caucasian", "middle eastern", "mideast", "near eastern",
    "far eastern", "asian", "east asian", "south asian", "southeast asian", "central asian",
    "african", "north african", "west african", "east african", "sub-saharan", "latin american",
    "south american", "central american", "north american", "transatlantic", "euro-atlantic",
    "eurasian", "oriental", "westerner",
    # religions and their followers
    "muslim", "islamic", "christian", "catholic", "roman catholic", "protestant", "orthodox",
    "evangelical", "jewish", "hindu", "buddhist", "sikh", "sunni", "shia", "shiite", "shi'ite",
    "lutheran", "anglican", "methodist", "baptist", "mormon", "atheist",
    # the faiths themselves and their political currents ("accusing Islam", "Islamist links")
    "islam", "islamist", "christianity", "judaism", "jihadist", "salafist",
})

# Head words of names that are events, awards or agreements, not actors (bench/labels/README.md:
# "Academy Awards", "Berlin Film Festival", "E3 Expo", an association agreement): an ORG or
# PERSON span of several words ending in one is no actor. Not "games" (Epic Games) nor
# "programme" (World Food Programme): companies and agencies end in those.
NON_ACTOR_HEADS = frozenset({
    "award", "awards", "prize", "prizes", "festival", "festivals", "expo", "fair", "summit",
    "conference", "olympics", "cup", "championship", "championships", "tournament",
    "agreement", "treaty", "accord", "accords", "act", "bill", "convention", "declaration"})
# Lowercase nouns of events and awards named after a person ("an annual Shakespeare festival",
# "the Turner prize"): a name the model tags PERSON right before one is the event's, no actor.
EPONYM_HEADS = frozenset({"award", "awards", "prize", "prizes", "festival", "festivals", "medal", "lecture"})
# Weapons named like bodies ("High Mobility Artillery Rocket Systems", "Naval Strike Missile",
# "Bradley Infantry Fighting Vehicles"): a name of several words ending in a weapon's head, or
# in a system's or vehicle's with a weapon's word before it, is no actor (``mentions``). Not
# "defence": "Thales Air Defence Systems" is a company.
WEAPON_HEADS = frozenset({"missile", "missiles", "launcher", "launchers", "howitzer", "howitzers"})
WEAPON_SYSTEM_HEADS = frozenset({"system", "systems", "vehicle", "vehicles"})
WEAPON_WORDS = frozenset({"rocket", "rockets", "missile", "artillery", "anti-aircraft", "anti-radiation",
                          "anti-tank", "fighting", "strike"})
# Competitions a sponsor's name is written before ("the RBS Six Nations", "the Barclays Premier
# League", "the Zurich Premiership"): an ORG or PERSON name ending in one is the competition,
# no actor (bench/labels/README.md: competitions are not labelled; the bare names are "none"
# rows of data/aliases.csv). Not a bare "league": "Arab League", "Awami League" are bodies, as
# is the "National Football League" (NFL).
COMPETITION_TAILS = frozenset({
    "six nations", "five nations", "four nations", "premiership", "premier league", "super league", "champions league",
    "europa league", "celtic league", "tri-nations", "tri nations", "grand prix"})
# Nouns of documents, laws and plans ("the UN Charter", "the European Convention on Human
# Rights", "the National Security Strategy: ..."): an ORG or PERSON name with one, capitalised,
# at its end or before "of"/"on"/"for"/":", is the document, no actor; an organization's name
# before it ("UN", an acronym or an alias) stays that organization. Not "report" nor "plan",
# which end outlets' and bodies' names ("the Drudge Report").
DOCUMENT_NOUNS = frozenset({
    "charter", "charters", "convention", "conventions", "treaty", "treaties", "act", "acts",
    "strategy", "declaration", "constitution", "accord", "accords", "protocol", "protocols",
    "doctrine", "directive", "resolution", "resolutions", "statute", "manifesto", "memorandum",
    "pact", "agreement", "agreements", "decree", "decrees", "concept",  # "National Security Concept"
    "policy", "policies", "terms",  # "the Common Agricultural Policy", "the X Privacy Policy", "Terms of Service"
})  # not "bill": a lone "Bill" is a first name
# Head words of holidays and commemorations ("Victory Day", "Holocaust Memorial Day"): an ORG
# span ending in one is a date, no actor; not PERSON spans, where "Day" is a surname.
HOLIDAY_HEADS = frozenset({"day", "eve"})
# Treaties, partnerships and resolutions named after a place ("the Kyoto protocol", "the Minsk
# agreements", "the Atlantic partnership", "the Gulf of Tonkin Resolution"): the town or sea in such a name is no place of the story.
TREATY_NOUNS = frozenset({
    "protocol", "protocols", "treaty", "treaties", "accord", "accords", "agreement", "agreements",
    "pact", "pacts", "partnership", "convention", "conventions", "resolution", "resolutions"})
# Ships named after towns ("the cruiser Moskva", "the Saratov landing ship"): a name next to one
# of these is the ship's in the whole article, no place. "carrier" and "boat" also name airlines
# and teams. Named fleets ("the Black Sea fleet") are bodies: the sea in one is no place.
SHIP_NOUNS = frozenset({
    "cruiser", "warship", "flagship", "frigate", "destroyer", "submarine", "corvette", "ship",
    "vessel", "tanker", "icebreaker", "minesweeper", "freighter", "trawler", "liner"})
FLEET_NOUNS = frozenset({"fleet", "flotilla"})
# Bodies some outlets write in lowercase after their country's possessive or the UN ("Russia's
# security council", "the UN security council"): named bodies, "Security Council of Russia" and
# "UN Security Council" (``mentions``), never the country's institution.
LOWERCASE_BODIES = {"security council": "Security Council",
                    "national security council": "National Security Council"}
# Forms of the UN's name that lead a body's ("UN security council" -> "UN Security Council").
UN_FORMS = frozenset({"UN", "U.N.", "United Nations"})

# Head words of water bodies, before or after the name ("River Tyne", "the Donets river",
# "Sevastopol Bay", "the Gulf of Tonkin"). A river, lake or bay lies in a country (the one of
# the place it is named after, else the article's); a sea, gulf, strait or channel has none
# (the label conventions: seas carry no country code).
INLAND_WATER_NOUNS = frozenset({
    "river", "lake", "estuary", "bay", "harbour", "harbor", "reservoir", "canal", "lagoon", "creek"})
SEA_NOUNS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "channel", "sound", "bight"})
# Capitalised heads of land features named after a place ("the Suwalki Gap", "the Lachin
# Corridor", "the Khyber Pass"): a place of the country of the place it is named after
# (``mentions``), when the whole name is no place GeoNames knows.
FEATURE_HEADS = frozenset({"gap", "corridor", "pass", "gorge", "valley", "basin", "plateau", "heights",
                           "steppe", "lowland", "uplands"})
# Names that are a country only after "the" ("back in the States"): "member States", "Gulf
# States" are no United States (``mentions``).
DEFINITE_ONLY_NAMES = frozenset({"states"})

# --- institutions (institutions) ------------------------------------------------------------
# A country word with a role noun names a country's body ("Russian forces", "Ukraine's defence
# ministry", "the armed forces of Ukraine"): one organization ``inst:<CC>:<role slug>`` named
# "<display> of <country>". Role slug -> (display, role nouns singular and plural). A role
# noun may be several words; the longest one written wins ("state emergency service").
INSTITUTION_ROLES = {
    "government": ("Government", ("government", "governments", "cabinet", "cabinets",
                                  "administration", "authorities", "regime")),
    "armed-forces": ("Armed forces", ("armed forces", "forces", "troops", "military", "army",
                                      "armies", "soldiers", "servicemen")),
    "navy": ("Navy", ("navy", "navies", "naval forces", "fleet")),
    "air-force": ("Air force", ("air force", "air forces")),
    "ministry-of-defence": ("Ministry of Defence", (
        "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
        "defence department", "defense department")),
    "ministry-of-foreign-affairs": ("Ministry of Foreign Affairs", (
        "foreign ministry", "ministry of foreign affairs", "foreign office")),
    "ministry-of-interior": ("Ministry of Internal Affairs", (
        "interior ministry", "ministry of internal affairs", "ministry of the interior")),
    "ministry-of-finance": ("Ministry of Finance", ("finance ministry", "ministry of finance",
                                                   "treasury")),
    "parliament": ("Parliament", ("parliament", "legislature", "lawmakers")),
    "presidency": ("Office of the President", ("president's office", "presidential office",
                                               "presidential administration")),
    "intelligence": ("Intelligence services", (
        "intelligence", "intelligence service", "intelligence services", "intelligence agency",
        "intelligence agencies", "spy agency", "security service", "security services")),
    "central-bank": ("Central bank", ("central bank",)),
    "police": ("Police", ("police", "riot police")),
    "courts": ("Courts", ("court", "courts", "supreme court", "judiciary")),
    "emergency-service": ("Emergency service", ("emergency service", "emergency services",
                                                "state emergency service")),
    "prosecutors": ("Prosecutor's office", ("prosecutors", "prosecutor general's office",
                                            "prosecutor's office")),
}
# Role nouns that name a body without a country word, after "the" ("the defence ministry
# said"): the country then comes from the article (see ``institutions``). Generic ones
# ("the troops", "the police", "the court") are left out: they are rarely a country's body;
# "the courts" (plural) are the country's judiciary.
BARE_INSTITUTION_ROLES = frozenset({
    "government", "cabinet", "authorities", "armed forces", "military", "army", "navy", "air force",
    "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
    "foreign ministry", "ministry of foreign affairs", "foreign office", "interior ministry",
    "ministry of internal affairs", "ministry of the interior", "finance ministry",
    "ministry of finance", "parliament", "president's office", "presidential office",
    "presidential administration", "central bank", "state emergency service",
    "prosecutor general's office", "treasury", "courts", "riot police"})
# Bare role nouns that name a country's body with no determiner at all ("riot police were
# sent in"): a state's force, never a city's or a firm's; the country comes from the article.
UNDETERMINED_BARE_ROLES = frozenset({"riot police"})
# Bare role nouns that never take the article's leading country (``institutions``): "the
# authorities" are as often a regulator, a sports body or a city's as the country's government.
VAGUE_BARE_ROLES = frozenset({"authorities"})
# Words allowed between the country word and the role noun ("Russian occupying forces").
INSTITUTION_MODIFIERS = frozenset({"occupying", "occupation", "invading", "regular", "ground",
                                   "federal", "national", "interim", "military", "armed"})
# "The Biden administration": a person's name before "administration" is, in English news, a
# US president's (53 of the 54 such phrases in the shared corpus: Biden, Bush, Trump, Clinton;
# one "Zelensky administration"). The name stays a person mention of its own.
ADMINISTRATION_OF_PERSON = "US"
# Heads of state or government by a surname (or the word of their name news use alone), with
# their country: "Putin's army", "the Putin regime", "the Zelensky administration" are that
# country's body, however many countries the article names (``institutions``). Surnames that
# are also common names or words ("Johnson", "Brown", "Major", "Sharon") are left out. Lowercase
# ASCII, as ``gazetteer.normalize`` writes them ("erdogan" for Erdoğan).
LEADER_COUNTRIES = {
    "putin": "RU", "medvedev": "RU", "yeltsin": "RU",
    "zelensky": "UA", "zelenskyy": "UA", "zelenskiy": "UA", "zelenskii": "UA", "yushchenko": "UA",
    "yanukovych": "UA", "poroshenko": "UA", "kuchma": "UA",
    "lukashenko": "BY", "biden": "US", "trump": "US", "obama": "US", "bush": "US", "clinton": "US",
    "blair": "GB", "sunak": "GB", "truss": "GB", "starmer": "GB", "thatcher": "GB",
    "macron": "FR", "chirac": "FR", "sarkozy": "FR", "hollande": "FR",
    "scholz": "DE", "merkel": "DE", "schroeder": "DE", "schroder": "DE",
    "erdogan": "TR", "jinping": "CN", "assad": "SY", "saddam": "IQ", "netanyahu": "IL",
    "khamenei": "IR", "raisi": "IR", "rouhani": "IR", "ahmadinejad": "IR", "modi": "IN",
    "maduro": "VE", "chavez": "VE", "mugabe": "ZW", "arafat": "PS", "berlusconi": "IT",
    "meloni": "IT", "orban": "HU", "morawiecki": "PL", "kishida": "JP", "koizumi": "JP",
    "bolsonaro": "BR", "karzai": "AF", "musharraf": "PK", "gaddafi": "LY", "vucic": "RS",
    "tokayev": "KZ", "nazarbayev": "KZ", "saakashvili": "GE",
}
# Verbs a country does with its own forces: "Russia moving some troops", "Russia has amassed
# 100,000 troops" are Russia's armed forces (not "Russia killed 20 soldiers"). Lemmas.
DEPLOY_VERBS = frozenset({"move", "withdraw", "deploy", "redeploy", "send", "pull", "mass", "amass",
                          "station", "mobilise", "mobilize", "position"})
# A country's missions abroad ("the US embassy", "Russia's embassy in Britain"): found like
# institutions, but named organizations of their own, not roles of the contract.
MISSION_NOUNS = frozenset({"embassy", "embassies", "consulate", "consulates"})
# Seats that stand for a body, with or without "the": name -> (country code, role slug).
INSTITUTION_SEATS = {
    "kremlin": ("RU", "government"), "white house": ("US", "government"),
    "downing street": ("GB", "government"), "number 10": ("GB", "government"),
    "no 10": ("GB", "government"), "elysee": ("FR", "government"),
    "elysee palace": ("FR", "government"), "pentagon": ("US", "ministry-of-defence"),
    "state department": ("US", "ministry-of-foreign-affairs"),
}
# Role nouns one country writes as its body's proper name ("the Foreign Office" is Britain's;
# other countries' are "foreign ministries" in English news): role noun -> country code, when
# capitalised and without a country word ("the German Foreign Office" is Germany's).
NAMED_BODIES = {"foreign office": "GB"}
# Role nouns a source writes capitalised for its own country's body ("the Treasury" of a
# British paper is Britain's, of an American one America's): when the article leaves such a
# bare role's country open, it is the source's home country's.
HOME_BODIES = frozenset({"treasury"})
# Role nouns one country's press writes capitalised for its own body ("the Ministry of Defence"
# of a British paper is Britain's, even beside "the Kremlin"): role noun -> that country, for a
# source from it, unless the article named that role for another country before.
HOME_NAMED_BODIES = {"ministry of defence": "GB"}

# --- actor cues: brands, titles of works, boilerplate (actor_cues, institutions) ------------
# Words after "<descriptor> including|such as|like" that open a list of organizations
# ("consumer brands including X, Y and Z"); the descriptor is one of ``ORG_DESCRIPTORS`` or
# its plural.
LIST_LEADS = frozenset({"including", "like", "such as"})
# Verbs that open such a list when the descriptor is their subject ("its main brands are X and
# Y", "its top brands include X"; not "albums recorded at the studio include X").
LIST_VERBS = frozenset({"are", "include"})
# What a company makes or runs, written right after its name ("X products", "X stores"): a
# name before one is an organization (besides ``ORG_POSSESSIONS``, which also count so).
ORG_COMPOUND_NOUNS = frozenset({"products", "brands", "outlets", "restaurants", "factories",
                                "factory", "plants", "franchise", "franchises", "shops"})
# Nouns of made things ("Harpoon anti-ship missiles", "Sony's Qrio robots", "Leopard
# tanks"): a name the parse makes a compound of one names a product, a weapon or a machine,
# no actor, in the whole article unless a mention of it speaks (bench/labels/README.md: weapons,
# vehicles and products are not labelled). Not "system(s)", "products", "phones", "jets",
# "vehicle": "the Visa payment system", "Nokia phones", "54 Boeing jets" name the firm, "their
# Cubic Expression vehicle" an investment.
PRODUCT_NOUNS = frozenset({
    "missile", "missiles", "rocket", "rockets", "drone", "drones", "launcher", "launchers",
    "howitzer", "howitzers", "tank", "tanks", "robot", "robots",
    "warship", "warships", "submarine", "submarines", "rifle", "rifles", "interceptor", "interceptors"})
# Plural kinds of made things that open a list of their makes ("products such as iPhones",
# "weapons like X and Y"): the names listed are products, no actors.
PRODUCT_CLASS_NOUNS = frozenset({
    "products", "devices", "gadgets", "goods", "weapons", "missiles", "systems", "vehicles",
    "aircraft", "drones", "phones", "smartphones", "consoles", "cars", "tanks"})
# Nouns a name is the title of after a possessive ("her X tour", "Transport for London's X
# campaign", "its X initiative", "their X album"): the name is a work, a campaign or a
# product, no actor (bench/labels/README.md: works, programmes, products are not labelled).
TITLED_NOUNS = frozenset({
    "campaign", "campaigns", "tour", "tours", "world tour", "album", "albums", "single", "ep",
    "initiative", "programme", "program", "scheme", "project", "show", "series", "film", "movie",
    "documentary", "book", "novel", "console", "games console", "phone", "handset", "app"})
# Nouns a title follows ("the sitcom X", "hit US series Desperate Housewives", "the game X",
# "the BBC programme X", "the character X" of a film or game): a
# PERSON or ORG name right after one, maybe after a few capitalised words of the title, is a
# work, no actor, in the whole article (bench/labels/README.md: works, products and awards are
# not labelled). Only when the parse reads the noun as a noun ("figures show X" is a verb);
# "game" and "match" name a fixture in sports reports; "single" and "hit" count as nouns only
# ("his single X", "the hit X"; not "single mother X", "missiles hit X").
WORK_NOUNS = frozenset({
    "sitcom", "sitcoms", "show", "shows", "series", "film", "films", "movie", "movies", "game",
    "games", "videogame", "drama", "dramas", "documentary", "novel", "novels", "musical", "soap",
    "soaps", "cartoon", "blockbuster", "album", "albums", "song", "songs", "thriller", "comedy",
    "comedies", "franchise", "console", "track", "tracks", "single", "singles", "hit", "hits",
    "anthem", "ballad", "programme", "programmes", "character", "characters"})
# "single" and "hit" are an adjective and a verb to the parser even where they name a record
# ("her debut hit X", "their new single X"): they count as work nouns after one of these words
# or a possessive (not "a single", "every single X", "missiles hit X"); "single" after an
# ordinal too ("the band's first single X"; "the first hit X" is a strike).
RECORD_LEADS = frozenset({"debut", "new", "latest", "biggest", "lead", "comeback", "his", "her",
                          "their", "its"})
SINGLE_LEADS = RECORD_LEADS | frozenset({"first", "second", "third", "last", "next"})
# Nouns after a title that name someone in it ("former X actor Y"): the name before one is a
# work's, when a person's name follows. Not "star": "Chelsea star Y", "Labour star Y".
WORK_PEOPLE_AFTER = frozenset({"actor", "actress", "co-star"})
# Words of a minister's portfolio written before "Secretary" or "Minister" ("Culture
# Secretary", "Trade and Industry Secretary", "Education Minister"): a name the model tags there
# made of these words only is part of a person's title, no body (bench/labels/README.md: a
# person's role is not the institution). Not "treasury" or "office", which name bodies (Home
# Office), nor party names ("Labour minister"), nor places ("Northern Ireland Secretary").
PORTFOLIO_WORDS = frozenset({
    "home", "foreign", "defence", "defense", "justice", "culture", "media", "sport", "sports",
    "trade", "industry", "education", "skills", "transport", "transportation", "health",
    "environment", "food", "rural", "affairs", "work", "pensions", "international", "development",
    "energy", "housing", "lifelong", "learning", "employment", "science", "technology",
    "innovation", "digital", "agriculture", "fisheries", "commerce", "interior",
    "homeland", "security", "economy", "economic", "climate", "change", "communities",
    "schools", "children", "families", "equalities", "veterans",
    "constitutional", "heritage", "tourism", "arts", "welfare"})
# Tags of a one-word name at a sentence's head that the tagger reads as a common word, with the
# part of speech whose word list must hold its lemma: plural nouns, adjectives, participles
# ("Photographs posted ...", "Appropriate measures ...", "Hounded by ..."). Not "NN": the
# tagger gives it to many names it does not know ("Shell said").
COMMON_WORD_TAGS = {"NNS": "noun", "JJ": "adj", "JJR": "adj", "JJS": "adj", "VBG": "verb",
                    "VBN": "verb", "VBD": "verb"}
SPORT_WORK_NOUNS = frozenset({"game", "games"})  # not in sports reports: "the game Chelsea lost"
# Words at the head of a sentence the model glues to the name after them ("Said X Y:",
# "Centre X has", "Flanker X"): dropped from a person's span. Rugby and football positions
# that are no ``TITLES`` (which are dropped already) and reporting verbs.
PERSON_SPAN_LEADS = frozenset({
    "said", "says", "added", "adds", "told", "asked", "insisted", "warned", "explained",
    "centre", "center", "flanker", "hooker", "prop", "lock", "winger", "wing", "fly-half",
    "scrum-half", "full-back", "back-row", "forward", "keeper", "physio",
    "exiled", "jailed", "detained", "ousted", "veteran", "late", "former"})
# Speech verbs right after a name the model took for a place ("X Y told the BBC"): a full
# name no gazetteer knows that speaks is a person.
SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds", "explained", "insisted",
                          "wrote", "writes", "admitted", "recalled", "warned", "argued"})
# Sentences that are site boilerplate (cookie consent, newsletter and social promos): names
# there are no actors of the story, except where the promo names a platform (see actor_cues).
BOILERPLATE_CUES = ("your consent", "cookies", "privacy policy", "privacy notice", "sign up", "newsletter",
                    "newsletters")
# Words around a name in a promo that make it a newsletter's or an account's name ("the daily X
# email", "follow X on Twitter").
PROMO_NAME_AFTER = frozenset({"email", "emails", "newsletter", "briefing", "podcast", "content"})
PROMO_NAME_BEFORE = frozenset({"follow"})
# Promo nouns the model tags as a name when capitalised ("Privacy Notice: Newsletters may
# contain ..."): in a promo such a word is the noun itself, no name.
PROMO_NOUNS = frozenset({"newsletter", "newsletters", "email", "emails", "podcast", "podcasts", "briefing"})
# Endings of a people's word ("Kurdish", "Scythian", "Chechens", "Yazidi", "Baathist"): a NORP
# that no demonym row knows and the model tags as a singular proper noun without one of these
# ("Euronext", "Essex", "Javelin") is a name the model took for a people, no group.
PEOPLE_WORD_ENDINGS = ("an", "ans", "ish", "ese", "i", "is", "ic", "ics", "ist", "ists", "ite", "ites",
                       "en", "ens")
# Endings of words made from a name that name no actor: "Brownite", "Putinism", "Russophobia".
# A process made from a name ("Russification", "de-Nazification", "Finlandization") is none either.
NAME_DERIVED_ENDINGS = ("ite", "ites", "ism", "isms", "phobia", "phobe", "philia", "ification",
                        "isation", "ization")
# Seats of a body written as its full name ("the U.S. Department of State"), normalised as
# ``INSTITUTION_SEATS`` keys; merged into it below.
_SEAT_NAMES = {
    "department of state": ("US", "ministry-of-foreign-affairs"),
    "us department of state": ("US", "ministry-of-foreign-affairs"),
    "us state department": ("US", "ministry-of-foreign-affairs"),
    "us department of defense": ("US", "ministry-of-defence"),
    "department of defense": ("US", "ministry-of-defence"),
    "us defense department": ("US", "ministry-of-defence"),
}
INSTITUTION_SEATS = {**INSTITUTION_SEATS, **_SEAT_NAMES}
# Roles a capital's possessive names the country's body for ("Moscow's forces", "Kyiv's
# government"); a city's own police, courts or services are local bodies.
CAPITAL_ROLES = frozenset({"government", "armed-forces", "navy", "air-force", "ministry-of-defence",
                           "ministry-of-foreign-affairs", "intelligence", "presidency"})
# The home country of news outlets whose records carry no ``source_country``: a bare role
# ("the government") in an article that names no country at all is the outlet's country's.
OUTLET_COUNTRIES = {"bbc news": "GB", "bbc": "GB", "the guardian": "GB", "the new york times": "US",
                    "the times": "GB", "the independent": "GB", "the washington post": "US"}

# --- all-caps lines (segment) --------------------------------------------------------------
# Words an all-caps line is always read in lowercase ("PUTIN AT THE FRONT" -> "Putin at the
# front", see ``segment.model_text``); two-letter words not listed stay in capitals ("US", "EU").
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "by", "for", "from",
    "with", "as", "into", "onto", "over", "under", "after", "before", "amid", "about", "against",
    "vs", "is", "are", "was", "were", "be", "it", "its", "he", "she", "we", "me", "my", "no",
    "so", "up", "do", "go", "if", "am", "oh", "ok", "off", "out", "than", "that", "this",
    "his", "her", "our"})
# Names an all-caps line always keeps as names, though the article may never write them
# otherwise: an outlet's promo lines ("CLICK HERE TO GET THE FOX NEWS APP" -> "Fox News").
SHOUTED_NAMES = frozenset({"fox news", "fox nation", "fox business"})
# A party named by its members ("the Greens", "the Social Democrats"): the organization, not a
# people. Qualifiers are the capitalised words that lead such a name ("Christian", "Free").
PARTY_MEMBERS = frozenset({"democrats", "socialists", "communists", "greens", "liberals", "conservatives",
                           "nationalists", "unionists", "republicans", "centrists", "progressives"})
PARTY_QUALIFIERS = frozenset({"social", "christian", "free", "liberal", "national", "democratic", "radical",
                              "popular", "progressive", "united", "new"})

# --- places (mentions) ---------------------------------------------------------------------
# Words before a name that make it the state, not its namesake city ("upstate New York").
STATE_PREFIXES = frozenset({"upstate", "downstate"})
# Words after a place name that name its kind ("Kursk region", "Donetsk oblast").
REGION_WORDS = frozenset({"region", "regions", "oblast", "province", "provinces", "state",
                          "county", "district", "governorate", "city", "area", "territory", "krai",
                          "valley", "island", "islands", "peninsula", "coast", "border", "front",
                          "direction", "sector", "raion", "village", "town", "suburb",
                          "outskirts"})
# Sites after a town's name that make it the town ("the X training ground", "the X airfield")
# when the town lies in a country the article names (``mentions``); not "plant" or "factory",
# which follow brands named like towns ("the Toyota plant").
SITE_WORDS = frozenset({"training", "airfield", "airport", "airbase", "garrison", "barracks",
                        "checkpoint", "crossing", "residents", "townspeople", "site", "dam",
                        "steelworks"})
# Settlement nouns right before a town's name ("the mining city X", "the village X"): the town.
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement", "hamlet", "port"})
# Ranges, coasts and wilds named after a nationality ("the German Alps", "the French Riviera",
# "the Russian Arctic"): a place of that country (``mentions``), matched capitalised.
DEMONYM_FEATURES = frozenset({"alps", "pyrenees", "dolomites", "rockies", "highlands", "riviera",
                              "carpathians", "apennines", "andes", "himalayas", "urals", "caucasus",
                              "lowlands", "outback", "lakes", "arctic", "antarctic"})
# Prefixes that make a place's name an adjective ("trans-Atlantic calls", "sub-Saharan"): no
# mention of the place (``mentions``); a country stays ("trans-Mongolian" is left to the model).
ADJECTIVE_PREFIXES = frozenset({"trans", "sub", "circum"})
# Electoral areas (``constituencies``): nouns after or before a constituency or ward's name
# ("the Hartlepool seat", "the constituency of Bolton West") and the titles of its members
# ("MP for X", "the X MP"), matched as written. Plurals ("the seats of X and Y") join nothing.
ELECTORAL_AREA_NOUNS = frozenset({"constituency", "seat", "ward", "by-election", "riding"})
ELECTORAL_AREA_PLURALS = frozenset({"constituencies", "seats", "wards", "by-elections", "ridings"})
MEMBER_TITLES = frozenset({"MP", "MSP", "MLA", "MEP", "TD", "MPP", "Congressman",
                           "Congresswoman", "Assemblyman", "Assemblywoman"})
# Adjectives of a regime or an era before a country's name ("Nazi Germany", "Tsarist Russia"):
# the country (``mentions``); not "Tate Britain" or "Middle England", names of their own.
ERA_ADJECTIVES = frozenset({"nazi", "fascist", "soviet", "tsarist", "czarist", "imperial", "communist",
                            "weimar", "francoist", "occupied", "wartime", "pre-war", "post-war",
                            "postwar", "prewar", "modern", "medieval", "colonial", "apartheid",
                            "revolutionary", "independent", "baathist", "putinist"})
# Region words that belong to the name: "Pike County" is no town Pike's region.
NAMED_REGION_WORDS = frozenset({"county", "parish"})
# Prepositions and verbs of place before a name ("in Kursk", "captured Avdiivka").
LOCATIVES = frozenset({"in", "into", "near", "to", "from", "at", "around", "outside", "towards",
                       "toward", "across", "inside", "throughout", "via", "through", "on", "off",
                       "nearby", "reach", "reached", "captured", "liberated", "occupied", "struck",
                       "shelled", "attacked", "hit", "visited", "visit", "recaptured", "encircled",
                       "entered"})
# Head nouns of a conflict the model tags EVENT after a country's name ("the Iraq war"): the
# country's name in it is a mention of the country (``mentions``).
CONFLICT_NOUNS = frozenset({"war", "wars", "conflict", "crisis", "invasion"})
# Head nouns of a venue's or site's name ("Villa Park", "Point Theatre", "Mansion House", "the
# Palace of Independence"): such a name the model tags FAC, or ORG after "at"/"in", is a place of
# the country its text gives, never a same-named town abroad (``mentions``).
VENUE_HEADS = frozenset({"park", "stadium", "theatre", "theater", "arena", "street", "house", "palace",
                         "bridge", "square", "hall", "road", "avenue", "lane", "ground", "airport",
                         "wharf", "castle", "cathedral", "abbey", "gardens", "village", "pier",
                         "racecourse", "velodrome", "circuit", "coliseum", "dome", "stadion"})
# Venue heads no person's surname ends with: a name the model tagged PERSON that ends with one
# is the venue or street ("ran towards Wilmslow Road"; not "Nathan Lane", "Della Street").
UNNAMED_VENUE_HEADS = frozenset({"road", "avenue", "boulevard", "stadium", "theatre", "theater", "arena", "square",
                                 "airport", "cathedral", "racecourse", "velodrome", "coliseum", "stadion"})
# Plural nouns of kinds of places: the names they introduce with "such as" or "including" are
# places whatever the model tagged ("stations such as Kings Cross and Euston", ``mentions``).
PLACE_CLASS_NOUNS = frozenset({
    "cities", "towns", "villages", "settlements", "suburbs", "districts", "neighbourhoods",
    "neighborhoods", "boroughs", "counties", "provinces", "regions", "states", "countries",
    "capitals", "islands", "ports", "stations", "airports", "stadiums", "grounds", "venues",
    "resorts", "destinations", "locations", "places", "areas", "hubs", "hotspots"})
# Titles of peers whose "of X" is a territorial designation, no mention of the place:
# "Lord Nicholls of Birkenhead", "Baroness Hale of Richmond" (``mentions``).
PEER_TITLES = frozenset({"lord", "baroness", "baron", "viscount", "viscountess"})
# Words before a place that are not part of its name ("eastern Ukraine", "occupied Crimea").
PLACE_QUALIFIERS = (
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "north[- ]?eastern", "north[- ]?western", "south[- ]?eastern", "south[- ]?western",
    "northeast", "northwest", "southeast", "southwest", "north[- ]east", "north[- ]west",
    "south[- ]east", "south[- ]west", "occupied", "greater", "mainland")  # regex pieces

# US state abbreviations, AP style and postal, read only as a qualifier ("Weston, W.Va.",
# "Paris, TX"): alone, "Miss." or "Ind." are other words. Postal codes count in capitals only.
_STATES = {
    "Alabama": "Ala. AL", "Alaska": "AK", "Arizona": "Ariz. AZ", "Arkansas": "Ark. AR",
    "California": "Calif. Cal. CA", "Colorado": "Colo. CO", "Connecticut": "Conn. CT",
    "Delaware": "Del. DE", "Florida": "Fla. FL", "Georgia": "Ga. GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "Ill. IL", "Indiana": "Ind. IN", "Iowa": "IA", "Kansas": "Kan. Kans. KS",
    "Kentucky": "Ky. KY", "Louisiana": "La. LA", "Maine": "ME", "Maryland": "Md. MD",
    "Massachusetts": "Mass. MA", "Michigan": "Mich. MI", "Minnesota": "Minn. MN",
    "Mississippi": "Miss. MS", "Missouri": "Mo. MO", "Montana": "Mont. MT", "Nebraska": "Neb. Nebr. NE",
    "Nevada": "Nev. NV", "New Hampshire": "N.H. NH", "New Jersey": "N.J. NJ", "New Mexico": "N.M. NM",
    "New York": "N.Y. NY", "North Carolina": "N.C. NC", "North Dakota": "N.D. ND", "Ohio": "OH",
    "Oklahoma": "Okla. OK", "Oregon": "Ore. Oreg. OR", "Pennsylvania": "Pa. Penn. PA",
    "Rhode Island": "R.I. RI", "South Carolina": "S.C. SC", "South Dakota": "S.D. SD",
    "Tennessee": "Tenn. TN", "Texas": "Tex. TX", "Utah": "UT", "Vermont": "Vt. VT",
    "Virginia": "Va. VA", "Washington": "Wash. WA", "West Virginia": "W.Va. W.V. WV",
    "Wisconsin": "Wis. Wisc. WI", "Wyoming": "Wyo. WY", "District of Columbia": "D.C. DC",
}
US_STATE_ABBREVIATIONS = {abbr: state for state, forms in _STATES.items() for abbr in forms.split()}


def _check() -> None:
    """Fail at import on a malformed list: not lowercase, or a value out of range."""
    for name, words in (("MONTHS", MONTHS), ("MONTH_ABBREVIATIONS", MONTH_ABBREVIATIONS),
                        ("WEEKDAYS", WEEKDAYS), ("SEASON_START_MONTH", SEASON_START_MONTH),
                        ("FIXED_HOLIDAYS", FIXED_HOLIDAYS), ("DATE_COUNT_WORDS", DATE_COUNT_WORDS),
                        ("QUARTER_ORDINALS", QUARTER_ORDINALS), ("SHOUTED_NAMES", SHOUTED_NAMES),
                        ("LEADER_COUNTRIES", LEADER_COUNTRIES)):
        for word in words:
            if word != " ".join(word.lower().split()):
                raise ValueError(f"lexicon.{name}: {word!r} must be lowercase, single-spaced")
    nouns = {noun for _, forms in INSTITUTION_ROLES.values() for noun in forms}
    for name, words in (("INSTITUTION_ROLES", nouns), ("BARE_INSTITUTION_ROLES", BARE_INSTITUTION_ROLES),
                        ("INSTITUTION_SEATS", INSTITUTION_SEATS)):
        for word in words:
            if word != " ".join(word.lower().split()) or not word.isascii():
                raise ValueError(f"lexicon.{name}: {word!r} must be lowercase ASCII, single-spaced")
    for name, words in (("BARE_INSTITUTION_ROLES", BARE_INSTITUTION_ROLES), ("NAMED_BODIES", NAMED_BODIES),
                        ("HOME_BODIES", HOME_BODIES), ("VAGUE_BARE_ROLES", VAGUE_BARE_ROLES),
                        ("HOME_NAMED_BODIES", HOME_NAMED_BODIES),
                        ("UNDETERMINED_BARE_ROLES", UNDETERMINED_BARE_ROLES)):
        if not set(words) <= nouns:  # found by the role finder, so role nouns they must be
            raise ValueError(f"lexicon.{name}: {sorted(set(words) - nouns)} are not role nouns of INSTITUTION_ROLES")
    for seat, (_, role) in INSTITUTION_SEATS.items():
        if role not in INSTITUTION_ROLES:
            raise ValueError(f"lexicon.INSTITUTION_SEATS: {seat!r} has unknown role {role!r}")
    if not TRADE_DESCRIPTORS <= ORG_DESCRIPTORS:
        raise ValueError(f"lexicon.TRADE_DESCRIPTORS: {sorted(TRADE_DESCRIPTORS - ORG_DESCRIPTORS)} are no ORG_DESCRIPTORS")
    if not all(1 <= m <= 12 for m in MONTH_WORDS.values()):
        raise ValueError("lexicon: a month number is outside 1-12")
    for name, (month, day) in FIXED_HOLIDAYS.items():
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError(f"lexicon.FIXED_HOLIDAYS: {name!r} has no valid (month, day)")


_check()
