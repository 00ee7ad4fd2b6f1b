"""Suggested label, source, kind of source and cue words for one sentence, each with the
reason a teacher reads before accepting or changing it.

Rules, not a model: they follow docs/question-format.md ("How Byline labels the hard
cases"). Whose words are whose comes first: quotations belong to the speaker; the words a
named source is reported to have said belong to that source; what is left is the writer's
own voice. An opinion is then a judgment in the writer's voice: an evaluative word (from
TextBlob's subjectivity lexicon, or VADER's or AFINN's valence lexicon for an adjective
before a noun or a noun something is called; all read from the packages' data files), a
manner word, an intensifier, a hedge, a modal verb (prediction or obligation; not 'will'
with a date), a first-person judgment, a sweeping claim, a motive or private thought, or a
question. A view credited to people nobody could identify is judged by the view it passes
on; what a source believes something is, or sees it as, is the source's judgment. A cue is
the phrase a teacher points at, an evaluative word before a modal. Nothing here reaches
the network or loads a model."""
import re
from dataclasses import dataclass, field, replace

from game.authoring.lexicon import Lexicon
from game.authoring.sentences import byline
from game.bank.models import WRITER, Cue

FACT, OPINION = "fact", "opinion"
AUTHOR = "the author"

# --- Who is speaking ---------------------------------------------------------------
_NAMEWORD = r"(?:[A-Z][\w’'.&-]*)"
_JOIN = r"(?:of|the|and|for|de|al|bin|van|von|da|la)"
NAME = rf"(?:[Tt]he\s+)?{_NAMEWORD}(?:\s+(?:{_JOIN}\s+)*{_NAMEWORD})*"
# What a named source said in: "The Mueller report", "Bolton’s memoir".
_HEAD = (r"(?:report|memoir|book|statement|article|account|findings|testimony"
         r"|spokes(?:man|woman|person))")
PRONOUNS = {"he", "she", "they", "him", "her", "them"}
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
# People nobody could identify unless a proper name qualifies them ("US officials").
_GROUP = (r"(?:officials?|observers|critics|experts|analysts|commentators|sources|insiders"
          r"|aides|lawmakers|investigators|diplomats|people|reports|allies|advisers|"
          r"advisors|spokes(?:man|woman|person))")
_GROUP_WORDS = (r"(?:residents|advocates|teachers|parents|students|voters|neighbou?rs|"
                r"scientists|economists|doctors|researchers|drivers|workers|opponents|"
                r"supporters|activists|locals|members|leaders|families|owners|users)")
GROUP = (rf"(?:(?:(?:a|an|some|many|several|most|other|two|three|top|senior|unnamed"
         rf"|anonymous|{_NAMEWORD}(?:’s|'s)?)\s+){{0,3}}(?i:{_GROUP})"
         rf"|(?:[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost)(?:\s+[a-z]+)?\s+[a-z]{{3,}}s"
         # lower case only: "Reuters", "Sanders" are names
         rf"|(?:[A-Z][a-z]+\s+)?(?:(?i:{_GROUP_WORDS})|(?-i:[a-z]{{3,}}(?:ers|ists|ents|ians)))"
         rf"|[Mm]any|[Ss]ome)")
_VAGUE = {"a", "an", "some", "many", "several", "most", "other", "two", "three",
          "top", "senior", "unnamed", "anonymous"}

# Where a group is from: "Parents at the elementary school said".
_WHERE = r"(?:\s+(?:at|in|from|near)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)"
_SAY = (r"said|says|say|told|tells|tell|wrote|writes|reported|reports|declared|declares"
        r"|noted|notes|added|adds|stated|states|announced|announces|claimed|claims|warned"
        r"|warns|confirmed|confirms|revealed|reveals|emphasi[sz]ed|emphasi[sz]es|insisted"
        r"|insists|argued|argues|explained|explains|tweeted|tweets|posted|asserted"
        r"|acknowledged|admitted|testified|recalled|remarked|determined|concluded|found"
        r"|believes|believed|believe|thinks|think|saw|sees|views|considers|call|calls|called"
        r"|argue|warn|worry|worries|worried|fear|fears|feared|suspect|suspects")
# Verbs that name a source only when a quotation follows: "praised X, describing him as “…”".
_SAY_WITH_QUOTE = r"praised|praises|described|describes|urged|urges|asked|asks"
_BETWEEN = r"(?:\s+(?:also|then|later|previously|recently|once|again|had|has|have|\w+ly))*"
# ", the former New York mayor, who joined Trump’s legal team," / ", which"
_APPOSITIVE = (r"(?:(?:,\s+(?:the|a|an|who|whose|[a-z][\w-]*)\b[^,“”\"]{0,80})+,)?"
               r"(?:,\s+(?:which|who))?")
SUBJECT_VERB = re.compile(
    rf"(?<![\w’'])(?P<who>{NAME}(?:(?:’s|'s)?\s+{_HEAD})?|{GROUP}{_WHERE}?|{_PRONOUN})"
    rf"{_APPOSITIVE}{_BETWEEN}\s+(?P<verb>{_SAY}|{_SAY_WITH_QUOTE})\b")
# "He repeated a Kremlin talking point, saying, “…”": the quotation is the subject's.
PARTICIPLE = re.compile(rf"(?<![\w’'])(?P<who>{NAME}|{_PRONOUN})\s+[a-z][^“”\",]*"
                        rf"(?:,[^“”\",]*)?,\s+(?P<verb>saying|adding|writing|declaring|"
                        rf"insisting|arguing|telling [a-z]+)\b[^“”\"]*[“\"]")
# “…,” declared Giuliani.
# “…,” said Angela Moore, the principal of Riverside Elementary School.
VERB_SUBJECT = re.compile(rf"[,”’\"]\s+(?P<verb>said|says|wrote|writes|added|[a-z]+ed)\s+"
                          rf"(?P<who>{NAME})(?:,\s+[^“”\",]+(?:,\s+[^“”\",]+)?)?\s*[.!?]?\s*$")
# "…, the school board decided on Monday." / "…, its planning report says."
TRAILING = re.compile(
    rf",\s+(?P<who>(?:the|its|their|his|her|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?[a-z][\w’'-]*"
    rf"|{NAME})\s+(?P<verb>said|says|decided|announced|reported|reports|found|concluded"
    rf"|estimated|estimates|confirmed|ruled|wrote|writes)"
    rf"(?:\s+(?:on|last|this|in)\s+\w+)?\s*[.!?]?\s*$")
# A document as the subject: "A survey by the district found", "The same study shows".
_DOCUMENT = (r"(?:survey|study|poll|report|audit|review|analysis|census|budget|investigation"
             r"|inquiry|schedule|resolution|data|records|figures|filing|ruling)")
DOCUMENT = re.compile(
    rf"(?<![\w’'])(?P<who>(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w’'.-]+\s+){{0,2}}?"
    rf"{_DOCUMENT}(?:\s+(?:by|of|from|for)\s+[^,;:“”\"]{{1,50}}?)?)\s+"
    rf"(?P<verb>found|finds|says|said|shows|showed|concluded|concludes|estimated"
    rf"|estimates|suggests|suggested)\b")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,.;:?!“”\"()]+)")
_ACCORDING_LEAD = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:reports?|findings|account|statement|testimony|documents?|"
    r"article)\s+(?:by|from|of|in)\s+|^(?:an?|the)\s+(?=[A-Z])")
_ACCORDING_TAIL = re.compile(r"\s+(?:report|account|article|story)(?:\s+of\b.*)?$")
_LEADING_WORDS = {"but", "and", "so", "yet", "or", "however", "then", "later", "still",
                  "also", "in", "on", "at", "as", "after", "before", "when", "while", "if",
                  "since", "because", "though", "although", "this", "that", "these",
                  "those", "it", "there", "here", "what", "why", "how", "afterwards",
                  "meanwhile", "now", "even", "instead", "asked", "pressed"}

SOCIAL = re.compile(r"\b(?:on|via) (?:Twitter|X|Facebook|Instagram|Telegram|TikTok|"
                    r"Truth Social|social media)\b|\btweet(?:ed|s)?\b|\bTwitter post\b",
                    re.IGNORECASE)
OFFICIAL = re.compile(
    r"\b(?:Department|Ministry|Office|Agency|Committee|Senate|House|Congress|Court|"
    r"Commission|Bureau|Council|Pentagon|Kremlin|Parliament|FBI|CIA|NSA|government|"
    r"administration|prosecutors?|special counsel|investigators|findings|court filing|"
    r"indictment|University|Institute|School|Board|District|budget|survey|study|"
    r"schedule|resolution|census|audit)\b|\breport\b", re.IGNORECASE)
_FINDING_VERBS = {"determined", "concluded", "found"}
# News organisations name themselves with these words; a person named with one of them
# ("MSNBC political analyst Richard Stengel") is still a person.
OUTLET = re.compile(
    r"\b(?:Times|Post|Journal|News|Magazine|Press|Herald|Tribune|Gazette|Daily|"
    r"Telegraph|Guardian|Economist|Globe|Chronicle|Observer|Inquirer|Dispatch|Courier|"
    r"Examiner|Reuters|Bloomberg|Axios|Politico|CNN|BBC|NPR|MSNBC|"
    r"CBS|NBC|ABC|AFP|AP|Fox|Newsweek|Wire|Radio|TV)\b")
_OUTLET_VERBS = {"reported", "reports", "revealed", "reveals"}
_THE_ARTICLE = re.compile(r"^[Tt]he (?:article|newspaper|paper|report|outlet)$")

# --- The writer's own judgments ----------------------------------------------------
INTENSIFIERS = {"very", "so", "really", "simply", "extremely", "utterly", "truly",
                "totally", "absolutely", "incredibly", "remarkably", "hugely", "deeply",
                "terribly", "awfully"}
HEDGES = re.compile(
    r"\b(?:appear(?:s|ed)? to|seem(?:s|ed)?|apparently|(?:most |more )?likely|unlikely|"
    r"probably|possibly|perhaps|maybe|arguably|supposedly|virtually|somehow|"
    r"(?:there is |there’s |there's )?no doubt|undoubtedly|without (?:a )?doubt|clearly|"
    r"obviously|certainly|surely|of course)\b", re.IGNORECASE)
# Lower case only: "May" is also a month.
MODALS = re.compile(
    r"\b(?:need not|will|won’t|won't|can(?:not)?|can’t|can't|could|may|might|must|should|"
    r"shouldn’t|shouldn't|ought to|would(?:n’t|n't| not)? have|needs?(?! not)|"
    r"deserves?|deserved)\b")
FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:\w+\s+)?(?:think|believe|feel|hope|need|must|should|want|"
    r"expect|guess|suppose|doubt|fear)\b|\b[Ii]n (?:my|our) (?:view|opinion)\b|"
    r"\b[Ll]et(?:’s|'s| us)\b|\bI am (?:sure|convinced|certain)\b")
READER = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
MOTIVE = re.compile(r"\b(?:in order to|so as to)\b", re.IGNORECASE)
# What someone wants, regrets or means cannot be seen from outside (house rule: motives).
PRIVATE = re.compile(r"\b(?:wants?|wanted|wish(?:es|ed)?|regrets?|regretted|intends?|intended"
                     r"|secretly|really (?:wants?|meant|means))\b")
# "too little", "too far": how much is right is the writer's judgment.
TOO = re.compile(r"\btoo\s+(?:much\s+|many\s+|little\s+|few\s+)?[a-z][\w-]*")
# A truth said of everyone in the present ('Everyone knows', 'nobody likes'): nobody could
# check it. What happened to nobody is a fact ('Nobody was hurt', 'No one answered').
SWEEPING = re.compile(r"\b(?:[Ee]veryone|[Ee]verybody|[Nn]obody|[Nn]o one)\s+"
                      r"(?!(?:is|was|has|does|says)\b)[a-z]+s\b")
# The writer on what can be seen or said: 'It is hard to see how', 'It is fair to say'.
EXTRAPOSED = re.compile(r"\b[Ii]t(?:’s|'s|\s+is|\s+was|\s+seems)\s+(?P<cue>[a-z]+\s+to\s+"
                        r"(?:see|say|believe|imagine|understand|know|tell|ignore|deny|"
                        r"overstate|exaggerate|predict|explain|argue)\b)")
# A future on the calendar is a plan anyone can check ("The vote will take place Tuesday",
# "will cost $3.2 million"), not the writer's prediction.
_SCHEDULED = re.compile(
    r"\b(?:on|by|in|until|from|before|after|next|this|on or before)\s+(?:\d|(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|(?:the\s+)?(?:week|month|year|spring|summer|"
    r"fall|autumn|winter|semester|term)\b))"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight)\b"
    r"|[$€£]\s?\d|\b\d[\d,.]*\s*(?:percent|%|dollars|euros|pounds|million|billion)\b")
_FUTURE = re.compile(r"^(?:will|won’t|won't)$", re.IGNORECASE)
UNIDENTIFIED = re.compile(
    r"\b(?:it is|it’s|it's|is|are|was|were)\s+(?:widely\s+)?(?:believed|thought|"
    r"rumou?red|alleged|said|claimed)\b|\bthere (?:are|were|is|was) (?:suspicions|fears|claims|"
    r"rumou?rs|concerns)\b", re.IGNORECASE)
# Verbs of believing: a view credited to them is a belief, not something seen.
BELIEF = re.compile(r"\b(?:call|calls|called|describe\w*|believ\w*|think|thinks|thought|argue\w*|worr\w*|fear\w*|feel\w*|"
                    r"suspect\w*|suspicions|hope\w*|rumou?red|alleged|expect\w*)\b",
                    re.IGNORECASE)
WOULD = re.compile(r"\bwould\b")
GLOSS = re.compile(r"[”\"]\s*[–—]\s*|[”\"]\s+-\s+")
_QUOTE = re.compile(r"“[^“”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^‘’]*’(?![A-Za-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True)
class Suggestion:
    label: str
    source: str
    source_kind: str
    cues: tuple[Cue, ...]
    reasons: tuple[str, ...]       # why, one short phrase per rule that fired
    difficulty: int = 2


@dataclass(frozen=True)
class Attribution:
    who: str                 # as the text names it, cleaned: "The Washington Post"
    kind: str
    start: int               # where the attribution (subject or 'according to') begins
    end: int                 # where it ends
    verb: str = ""
    leading: bool = False    # it introduces what follows, which is then the source's
    identified: bool = True  # False: "some experts", "it is believed"


@dataclass
class Memory:
    """What earlier sentences of the same article said about who is who."""

    names: set = field(default_factory=set)        # words capitalized mid-sentence
    documents: dict = field(default_factory=dict)  # 'survey' -> 'a survey by the district'
    speakers: dict = field(default_factory=dict)   # surname -> (full name, kind)
    last_speaker: tuple | None = None
    last_outlet: str = ""
    previous: str = ""
    author: str = ""        # from the byline: who wrote the article
    outlet: str = ""        # and who published it

    @classmethod
    def of(cls, text: str) -> "Memory":
        names = {m.group(1) for m in re.finditer(r"(?<=[a-z,;] )([A-Z][\w’'-]+)", text)}
        memory = cls(names={n.removesuffix("’s").removesuffix("'s") for n in names})
        read = next(filter(None, map(byline, text.splitlines()[:12])), None)
        if read:
            memory.author, memory.outlet = read.author, read.outlet
        return memory

    def note(self, sentence: str, suggestion: Suggestion) -> None:
        self.previous = sentence
        if suggestion.source_kind in (AUTHOR, "anonymous"):
            return
        self.last_speaker = (suggestion.source, suggestion.source_kind)
        self.speakers[_surname(suggestion.source)] = (suggestion.source,
                                                      suggestion.source_kind)
        if suggestion.source_kind == "news outlet":
            self.last_outlet = suggestion.source
        document = re.search(_DOCUMENT + "$", suggestion.source.split(" by ")[0]
                             .split(" of ")[0])
        if document and not suggestion.source.startswith(("the same", "The same")):
            self.documents.setdefault(document.group(0), suggestion.source)

    def person_before(self) -> str:
        """The first name in the previous sentence: who 'he' or 'she' most likely is."""
        for m in re.finditer(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", self.previous):
            words = [w.removesuffix("’s").removesuffix("'s") for w in m.group(0).split()]
            while words and words[0].lower() in _LEADING_WORDS | {"the"}:
                words = words[1:]
            if m.start() == 0 and len(words) == 1 and words[0] not in self.names:
                continue        # a capital only because it starts the sentence
            if words:
                return " ".join(words)
        return ""


def _surname(name: str) -> str:
    words = re.findall(r"[A-Z][\w-]+", name)
    return words[-1] if words else name


def _mask(text: str, spans) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def quotes(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE.finditer(text)]


def is_title_case(text: str) -> bool:
    """A headline in Title Case, where capitals do not mark names."""
    long = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= len(long) - 1


class Suggester:
    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or Lexicon.shipped()

    def suggest(self, text: str, memory: Memory | None = None) -> Suggestion:
        memory = memory or Memory()
        quoted = quotes(text)
        attribution = find_attribution(text, memory)
        masked = voice = _mask(text, quoted)
        gloss = len(text)
        relayed = attribution and attribution.identified and (
            attribution.leading or _SEEING.fullmatch(attribution.verb))
        if relayed:
            # What follows is the source's, up to the writer's gloss on a quotation:
            # 'declared, “…” – a dubious claim'.
            after_quote = GLOSS.search(text, attribution.end)
            gloss = after_quote.end() if after_quote else gloss
            voice = voice[:attribution.end].ljust(gloss) + masked[gloss:]
        reasons = []
        whole_quote = _whole_quote(text, quoted)
        if attribution is None and whole_quote and memory.last_speaker:
            who, kind = memory.last_speaker
            attribution = Attribution(who, kind, 0, 0)
            reasons.append(f"the whole sentence is a quotation, after {who} was quoted")
            voice = text        # judged by what the quoted words claim
        elif attribution and attribution.identified:
            reasons.append(_credited(attribution))

        # Structural signs (hedges, modals…) inside a named source's claim are the
        # source's; evaluative words the writer chose are the writer's wherever they stand.
        judged = self._judgments(text, voice, structural=attribution is None
                                 or whole_quote or not attribution.identified
                                 or attribution.verb == PUBLISHER)
        reasons += [why for _, _, why in judged]
        # A whole quotation after its speaker is the speaker's judgment, words and all.
        voiced = attribution.who if whole_quote and attribution else WRITER
        spans = [(a, b, voiced) for a, b, _ in _preferred(judged) if b > a]
        opinion = bool(judged)
        if attribution and not attribution.identified:
            # House rule: nobody's words to check, so the view passed on decides. A belief
            # ('many believe'), a prediction ('would') or a judgment makes it an opinion.
            belief = BELIEF.search(text[attribution.start:attribution.end])
            # What people believe will happen is their prediction, on the calendar or not.
            guess = (PREDICTION if belief else WOULD).search(
                voice, attribution.end if attribution.leading else 0)
            if belief and attribution.leading:
                believed = self._believed(voice, attribution)
                judged += believed
                reasons += [why for _, _, why in believed]
            opinion = bool(judged or belief or guess)
            vague = text[attribution.start:attribution.end].strip()
            reasons.append(
                f"a view credited to people nobody can identify ('{vague}'): no one a reader "
                "could ask or check, so the sentence is judged by the view it passes on, "
                + ("which is " + ("a belief" if belief else "a judgment")
                   if opinion else "which is a checkable claim"))
            if guess and not judged:
                judged.append((guess.start(), _verb_end(voice, guess.end()),
                               f"'{guess.group(0)}': a prediction"))
            spans = [(a, b, attribution.who if a >= attribution.end else WRITER)
                     for a, b, _ in _preferred(judged) if b > a]
            if belief and UNIDENTIFIED.search(text):
                spans.append((attribution.start, attribution.end, WRITER))
        if attribution is None and not opinion:
            reasons.append("no judgment words, hedges or modal verbs in the writer's own "
                           "words: a checkable claim")
        if not opinion and quoted and attribution:
            for a, b, why in self._quoted_judgments(text, quoted):
                spans.append((a, b, attribution.who))     # inside a quotation: the speaker's
                reasons.append(why)
        if not opinion and relayed:
            # "X said the council should have asked": the judgment is X's, reported; so is
            # all that "X saw" something as, wherever X stands.
            reported = " " * attribution.end + masked[attribution.end:gloss]
            found = self._judgments(text, reported, structural=True)
            if BELIEF.fullmatch(attribution.verb) or _SEEING.fullmatch(attribution.verb):
                found += self._believed(reported, attribution)
            elif belief := _BELIEF_THAT.search(reported, attribution.end):
                # "Reuters reported that he expressed his belief that Trump was sincere"
                found += self._believed(reported, replace(
                    attribution, end=belief.end(), verb="relays a belief that"))
            for a, b, why in _preferred(found):
                if b > a:
                    spans.append((a, b, attribution.who))
                    reasons.append(f"'{text[a:b]}' is in what {attribution.who} is reported "
                                   "to have said: their judgment, not the writer's")
        label = OPINION if opinion else FACT
        source, kind = (attribution.who, attribution.kind) if attribution else (AUTHOR, "author")
        cues = tuple(dict.fromkeys(Cue(text[a:b], by) for a, b, by in _merged(text, spans)
                                   if b > a))
        return Suggestion(label, source, kind, cues, tuple(dict.fromkeys(reasons)),
                          _difficulty(label, attribution, judged))

    def _judgments(self, text: str, voice: str, structural: bool) -> list[tuple[int, int, str]]:
        """(start, end, reason) of every judgment in the writer's voice (the unmasked part
        of the text)."""
        found = []
        title = is_title_case(text)
        words = list(_WORD.finditer(voice))
        for i, m in enumerate(words):
            word, low = m.group(0), m.group(0).lower()
            if word[0].isupper() and not title and m.start() > 0:
                continue        # a name: New York, Black Sea, Special Counsel
            after = words[i + 1] if i + 1 < len(words) else None
            if word[0].isupper() and after and after.group(0)[0].isupper() and not title:
                continue        # a name that starts the sentence: "Supreme Court judges"
            if (low in INTENSIFIERS and after and self.lexicon.knows(after.group(0).lower())
                    and not _so_that(low, voice, m.end())):
                found.append((m.start(), after.end(),
                              f"intensifier '{low}' in the writer's own words"))
            elif (low in _IMPRESSION and after and after.group(0).islower()
                  and (self.lexicon.knows(after.group(0)) or after.group(0) in self.lexicon.valence)):
                found.append((m.start(), after.end(), f"'{low} {after.group(0)}': the writer's "
                                                      "impression, not something checked"))
            elif self.lexicon.manner(low):
                found.append((m.start(), m.end(), f"manner word '{low}': the writer's "
                                                  "reading of how it was done"))
            elif (self.lexicon.grades(low, noun=True) and _predicate(words, i) is not None
                  and not self.lexicon.judges(low)):
                found.append((_predicate(words, i), m.end(), self.lexicon.reason(low)))
            elif self.lexicon.judges(low) or (self.lexicon.grades(low)
                                               and self._attributive(words[i - 1] if i else None, after)):
                before = words[i - 1] if i else None
                degree = before and before.group(0).lower() in _DEGREE
                end = self._phrase_end(voice, before, m, after)
                found.append((before.start() if degree else m.start(), end,
                              self.lexicon.reason(low)))
        if "?" in voice:
            found.append((0, 0, "a question in the writer's own words: it asks the reader "
                                "to judge and states nothing checkable"))
        if structural:
            scheduled = _SCHEDULED.search(voice)
            for pattern, why in _STRUCTURAL:
                found += [(*self._hedged(pattern, voice, m), why.format(m.group(0)))
                          for m in pattern.finditer(voice)
                          if not (scheduled and _FUTURE.match(m.group(0)))]
        return found

    def _hedged(self, pattern, voice: str, m) -> tuple[int, int]:
        """The words a teacher underlines with a modal or a hedge: the modal's verb ('should
        go'), or what is deserved; what 'appears to' be; either with the 'did not' that turns
        it ('did not appear to be serious', 'did not deserve'); the graded word a hedging
        adverb softens ('virtually alone')."""
        start, end = m.span()
        negated = _NEGATED.search(voice, 0, start)
        if pattern is MODALS:
            deserved = m.group(0).startswith("deserve") and _DESERVED.match(voice, end)
            return (negated.start() if negated else start,
                    deserved.end() if deserved else _verb_end(voice, end))
        if pattern is not HEDGES:
            return m.span("cue" if "cue" in pattern.groupindex else 0)
        if m.group(0).endswith(" to"):
            start, end = negated.start() if negated else start, _verb_end(voice, end)
        elif m.group(0).endswith("ly") and (after := _VERB.match(voice, end)):
            word = after.group(1)
            if self.lexicon.knows(word) or self.lexicon.rated(word):
                end = after.end()
        return start, end

    def _believed(self, voice: str, attribution: Attribution) -> list[tuple[int, int, str]]:
        """What a belief says something is: 'Critics argue the cuts are drastic', 'Some
        teachers worry the rule will be hard to enforce'. After a verb of believing, the
        adjective after 'is' is the believer's judgment, whether or not a lexicon rates it
        ('drastic'); with what it is hard or easy to do. After 'saw' or 'regards', what
        something is seen as: 'saw the push as payment'."""
        found = []
        if _SEEING.fullmatch(attribution.verb):
            seen = _SEEN_AS.search(voice, attribution.end)
            if seen:
                found.append((*seen.span("cue"), f"'{seen.group('cue')}': what "
                              f"{attribution.who} {attribution.verb} it as, a judgment"))
            return found
        for m in _BELIEVED.finditer(voice, attribution.end):
            word = m.group("word").lower()
            if (word in _FUNCTION | _DETERMINERS | _DEGREE or _PARTICIPLE.search(word)
                    and not self.lexicon.knows(word)):
                continue
            if not (self.lexicon.knows(word) or self.lexicon.rated(word)
                    or _ADJECTIVE_SHAPE.search(word)):
                continue
            found.append((m.start("word"), m.end(), f"evaluative word '{word}': what "
                          f"{attribution.who} {attribution.verb} something is, a judgment"))
        return found

    def _attributive(self, before, after) -> bool:
        """Between a determiner and a noun: 'a reckless plan', 'Putin’s reckless decision'."""
        return bool(before and after and (before.group(0).lower() in _DETERMINERS
                                          or before.group(0).endswith(("’s", "'s")))
                    and after.group(0).islower() and after.group(0) not in _FUNCTION)

    def _phrase_end(self, voice: str, before, word, after) -> int:
        """Where an evaluative adjective's phrase ends: with the noun it grades ('a huge
        victory', 'a short-sighted mistake'), which is what a teacher points at; alone
        where it stands after a verb ('the plan is bad'), and before a compound ('a
        prominent world leader': the adjective grades the leader, not the world)."""
        if not (after and before and before.group(0).lower() in _DETERMINERS | _DEGREE):
            return word.end()
        noun = after.group(0)
        if (noun.islower() and noun not in _FUNCTION and not noun.endswith("ly")
                and not self.lexicon.judges(noun)
                and re.fullmatch(r"\s+", voice[word.end():after.start()])
                and not _COMPOUND.match(voice, after.end())):
            return after.end()
        return word.end()

    def _quoted_judgments(self, text: str, quoted) -> list[tuple[int, int, str]]:
        """The speaker's own judgment words, which a teacher may list as cues of a fact: a
        short quoted fragment whole (a reporter quotes a few words, “so nice”, to show they
        are someone else's), or the evaluative words of a longer quotation."""
        found = []
        for a, b in quoted:
            inner = _trimmed(text, a + 1, b - 1 if text[b - 1] in "”\"’" else b)
            words = text[inner[0]:inner[1]].split()
            if words and len(words) <= SHORT_QUOTE and words[0][0].islower():
                found.append((*inner, f"the quoted fragment “{text[inner[0]:inner[1]]}” is "
                                      "the speaker's wording"))
                continue
            # A few words quoted inside the quotation are the ones its speaker stresses:
            # “The answer … is ‘illegal election aid,’ …”.
            for m in _NESTED.finditer(text, *inner):
                c, d = _trimmed(text, m.start() + 1, m.end() - 1)
                if 0 < len(text[c:d].split()) <= SHORT_QUOTE:
                    found.append((c, d, f"the fragment ‘{text[c:d]}’ quoted inside the "
                                        "quotation is the speaker's wording"))
            # The same rules as for the writer's words, read in the quotation alone.
            alone = " " * inner[0] + text[inner[0]:inner[1]]
            for c, d, _ in _preferred(self._judgments(text, alone, structural=False)):
                if d > c:
                    found.append((c, d, f"judgment '{text[c:d]}' is inside a quotation: the "
                                        "speaker's, not the writer's"))
        return found


SHORT_QUOTE = 6      # words
_NESTED = re.compile(r"‘[^‘’“”]*’(?![A-Za-z])")
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "my", "your", "such", "what"}
# Words that end a noun phrase rather than head it.
_FUNCTION = {"and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by",
             "from", "as", "than", "that", "which", "who", "whom", "whose", "is", "are",
             "was", "were", "be", "been", "being", "has", "have", "had", "it", "they",
             "he", "she", "we", "you", "not", "so", "if", "when", "while", "because",
             "about", "into", "over", "after", "before", "do", "does", "did", "can",
             "will", "would", "should", "could", "may", "might", "must", "one", "ones"}
_DEGREE = INTENSIFIERS | {"most", "more", "too", "less", "least"}
_MODAL_WHY = "modal verb"
_STRUCTURAL = (
    (HEDGES, "hedge '{}': the writer's guess, not a checkable claim"),
    (MODALS, "modal verb '{}': a prediction, possibility or obligation"),
    (FIRST_PERSON, "first-person judgment '{}'"),
    (READER, "the writer speaks to the reader ('{}')"),
    (MOTIVE, "motive claim '{}': nobody can check what someone intended"),
    (PRIVATE, "'{}': what someone wants or feels cannot be seen from outside"),
    (TOO, "'{}': how much is right is a judgment"),
    (SWEEPING, "'{}': a sweeping generalization nobody could check"),
    (EXTRAPOSED, "'{}': the writer's judgment of what can be seen or said"),
)


_AUXILIARY = re.compile(r"\s+(?:not|have|be|been|also|still|never|only|even|\w+ly)\b")
_VERB = re.compile(r"\s+([a-z][\w-]*)")


def _predicate(words, i) -> int | None:
    """Where the phrase starts when a graded noun is what something is called: 'will be a
    disaster', 'is a short-sighted mistake' (the adjective with it); else None."""
    for gap in (0, 1):
        if i >= 2 + gap and words[i - 1 - gap].group(0).lower() in ("a", "an") and \
                words[i - 2 - gap].group(0).lower() in _COPULAS:
            return words[i - gap].start()
    return None


_IMPRESSION = {"looks", "looked", "sounds", "sounded"}
# A second noun right after the first: 'world leader'. Not a preposition ('a losing battle
# against'), a conjunction or an adverb ('a good relationship once'), nor a word shaped
# like a verb ('a great job outsmarting', 'vote tells').
_PREPOSITIONS = {"against", "during", "without", "within", "through", "toward", "towards",
                 "across", "among", "between", "under", "above", "despite", "since", "until",
                 "upon", "behind", "beyond", "like", "near", "via", "per", "amid", "off",
                 "once", "unless", "where", "whereas", "though", "although", "then", "now",
                 "there", "here", "yet", "even", "also", "still", "just", "again", "ever",
                 "too", "instead", "up", "out", "down", "back", "away"}
_COMPOUND = re.compile(r" (?!(?:" + "|".join(sorted(_FUNCTION | _DETERMINERS | _PREPOSITIONS))
                       + r")\b)[a-z][\w-]*[a-z](?<!ly)(?<!ing)(?<!ed)(?<!s)\b(?![’'])")
# What is deserved is the judgment: 'deserved the attention', 'deserves a second chance'.
_DESERVED = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|more|no|some)\s+[a-z][\w-]*"
                       r"(?: (?!(?:" + "|".join(sorted(_FUNCTION | _DETERMINERS | _PREPOSITIONS))
                       + r")\b)[a-z][\w-]*[a-z](?<!ly)\b)?")
_JOINED = re.compile(r",?\s+(?:and|or)\s+")
_NEGATED = re.compile(r"\b(?:do|does|did)(?:n’t|n't|\s+not)\s+$")
PREDICTION = re.compile(r"\b(?:will|won’t|won't|would|could|might|may)\b")
# 'are drastic', 'will be hard to enforce': a copula, perhaps a degree, the adjective (and
# the infinitive a 'hard' or 'easy' takes).
_BELIEVED = re.compile(r"\b(?:is|are|was|were|be|been|remains?|seems?)\s+(?:(?:too|so|very|"
                       r"more|less|far|much|rather|quite|really)\s+)?(?P<word>[a-z][\w-]*)"
                       r"(?:\s+to\s+(?!the\b|a\b|an\b)[a-z]+)?(?=[\s,.;:!?]|$)")
_BELIEF_THAT = re.compile(r"\b(?:belief|view|opinion|conviction)\s+that\b")
# Verbs of seeing one thing as another, and what it is seen as (up to a function word).
_SEEING = re.compile(r"saw|sees|views|viewed|regards|regarded|considers|considered")
_SEEN_AS = re.compile(r"\bas\s+(?:(?:an?|the)\s+)?(?P<cue>(?:(?!(?:for|of|to|in|on|by|and|"
                      r"that|which|who|with|from)\b)[a-z][\w-]*\s*){1,3}?)(?=\s+(?:for|of|to|"
                      r"in|on|by|and|that|which|who|with|from)\b|[,.;:!?]|$)")
_ADJECTIVE_SHAPE = re.compile(r"(?:ous|ful|less|ive|ic|al|able|ible|ish|ant|ent|ary|ile)$")
_PARTICIPLE = re.compile(r"(?:ed|ing)$")
_COPULAS = {"is", "was", "are", "were", "be", "been", "being", "remains", "seems", "looks"}


def _verb_end(voice: str, end: int) -> int:
    """Where a modal's verb ends: 'should go', 'will be reversed', 'need not worry': what
    is predicted or demanded, the words a teacher underlines with the modal."""
    while m := _AUXILIARY.match(voice, end):
        end = m.end()
    verb = _VERB.match(voice, end)
    if verb and verb.group(1) not in _FUNCTION | _DETERMINERS:
        return verb.end()
    return end


def _preferred(judged) -> list[tuple[int, int, str]]:
    """The judgments to show as cues: a modal verb only where no evaluative word is found
    (issue 16: "a short-sighted mistake" is what a student should notice, not "will");
    the modal's reason stays."""
    worded = any(b > a and why.startswith(("evaluative word", "intensifier"))
                 for a, b, why in judged)
    return [j for j in judged if not (worded and j[2].startswith(_MODAL_WHY))]


def _credited(attribution: Attribution) -> str:
    named = "named" if attribution.kind != "anonymous" else "identifiable"
    if attribution.verb == "according to":
        return f"'according to' with {named} source '{attribution.who}'"
    if attribution.verb == PUBLISHER:
        return ("the publisher's own line (an appeal to the reader, or a line about the "
                f"outlet or its writer), not the article's: {attribution.who}")
    return f"reporting verb '{attribution.verb}' with {named} source '{attribution.who}'"


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without the spaces and the comma or full stop a quotation ends with."""
    while a < b and text[a] in " ":
        a += 1
    while b > a and text[b - 1] in " ,.;:":
        b -= 1
    return a, b


def _merged(text: str, spans) -> list[tuple[int, int, str]]:
    """(start, end, whose) cue spans in text order, overlapping or adjacent ones of the
    same owner joined: 'will' and 'most likely' make 'will most likely', 'so loyal' and
    'supportive' make 'so loyal and supportive'."""
    merged = []
    for a, b, by in sorted(spans):
        if merged and by == merged[-1][2] and (
                a <= merged[-1][1] + 1 or _JOINED.fullmatch(text, merged[-1][1], a)):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]), by)
        else:
            merged.append((a, b, by))
    return merged


def _so_that(word: str, voice: str, end: int) -> bool:
    """'so hard … that he created': a degree and its result, not the writer's feeling."""
    return word == "so" and re.match(r"\s+\w+[^,.;:!?]{0,120}?\bthat\b", voice[end:]) is not None


def _whole_quote(text: str, quoted) -> bool:
    inside = sum(b - a for a, b in quoted)
    return bool(quoted) and inside >= 0.8 * len(text.strip())


def _difficulty(label, attribution, judged) -> int:
    if attribution is None:
        return 1 if label == FACT or len(judged) > 1 else 2
    if label == OPINION or not attribution.identified:
        return 3
    return 1 if attribution.kind != "anonymous" else 2


# --- Finding the source ------------------------------------------------------------

def find_attribution(text: str, memory: Memory) -> Attribution | None:
    """The named (or unnamed) source a sentence credits, preferring 'according to', then
    a subject with a reporting verb, then '“…,” declared X'; None for the writer's own."""
    scan = text.lower() if is_title_case(text) else text
    found = (_publisher(text, memory) or _according(text, memory) or _document(text, memory)
             or _subject(text, scan, memory) or _inverted(text, memory)
             or _participle(text, memory) or _trailing(text, memory))
    if found:
        return found
    vague = UNIDENTIFIED.search(text)
    if vague:
        return Attribution("unnamed sources", "anonymous", vague.start(), vague.end(),
                           identified=False)
    return None


def _according(text: str, memory: Memory) -> Attribution | None:
    m = ACCORDING.search(text)
    if not m:
        return None
    raw = m.group("who").strip()
    who = _ACCORDING_LEAD.sub("", raw).strip()
    if re.search(r"[A-Z]", who):      # "the Mueller report": Mueller; "its annual report" stays
        who = _ACCORDING_TAIL.sub("", who).strip()
    who = _own(who, text)
    prefix = text[:m.start()]
    leading = prefix.strip() == "" or prefix.rstrip().endswith(",") and not re.search(
        r"\b(?:is|was|are|were|has|have|had)\b", prefix) or prefix.strip() in ("Later", "But")
    lead_end = m.end() + (1 if text[m.end():m.end() + 1] == "," else 0)
    return _attribution(who, raw, text, memory, m.start(), lead_end, "according to", leading)


def _subject(text: str, scan: str, memory: Memory) -> Attribution | None:
    quoted = quotes(text)
    for m in SUBJECT_VERB.finditer(scan):
        if any(a <= m.start() < b for a, b in quoted):
            continue
        verb = m.group("verb").lower()
        rest = text[m.end():]
        if re.fullmatch(_SAY_WITH_QUOTE, verb) or verb in ("call", "calls", "called"):
            if not re.search(r"[“\"‘]", rest):
                continue
        who = text[m.start("who"):m.end("who")]
        words = who.split()
        while words and words[0].lower() in _LEADING_WORDS and len(words) > 1:
            words = words[1:]
        if not words or (words[0].lower() in _LEADING_WORDS and words[0].lower() not in PRONOUNS):
            continue
        who = " ".join(words)
        if who in ("I", "We", "we") or re.search(r"\b(?:their|his|her|its|our|my|your)\s+$",
                                                 scan[:m.start("who")]):
            continue        # the writer's own view; "than their parents fear"
        start = m.start("who") + m.group("who").find(words[0])
        prefix = text[:start].strip()
        leading = (prefix == "" or prefix.endswith(",") or prefix.lower() in ("as", "but", "and")
                   ) and len(rest.split()) > 2
        return _attribution(who, who, text, memory, start, m.end(), verb, leading)
    return None


def _inverted(text: str, memory: Memory) -> Attribution | None:
    m = VERB_SUBJECT.search(text)
    if not m:
        return None
    return _attribution(m.group("who"), m.group("who"), text, memory, m.start("verb"),
                        m.end(), m.group("verb"), False)


PUBLISHER = "the publisher"
_APPEAL = re.compile(r"\b(?:support|donat\w*|subscri\w*|membership|member station)\b",
                     re.IGNORECASE)


def _publisher(text: str, memory: Memory) -> Attribution | None:
    """The publisher's own lines (house rule): an appeal to the reader ('Your support is
    crucial'), a line about the outlet itself, or the author's biography at the end."""
    outlet = memory.outlet
    about_outlet = outlet and re.match(re.escape(outlet) + r"\b", text)
    about_author = memory.author and re.match(re.escape(memory.author)
                                              + r"\s+(?:is|was|writes|has written)\b", text)
    appeal = READER.search(text) and _APPEAL.search(text)
    if not (about_outlet or about_author or appeal or outlet and _APPEAL.search(text)
            and outlet.split()[-1] in text):
        return None
    return Attribution(outlet or PUBLISHER, "news outlet", 0, 0, PUBLISHER)


def _document(text: str, memory: Memory) -> Attribution | None:
    """A survey, study or report as the subject: 'A survey by the district found that…';
    'the same survey' is the one named before."""
    m = DOCUMENT.search(text)
    if not m or any(a <= m.start() < b for a, b in quotes(text)):
        return None
    who = _own(m.group("who"), text)
    head = re.search(_DOCUMENT, who).group(0)
    if re.match(r"(?i)(?:the same|this|that|the)\s+" + head + "$", who) and head in memory.documents:
        who = memory.documents[head]
    who = who[0].lower() + who[1:] if m.start() == 0 and who[:1].isupper() and \
        who.split()[0] in ("A", "An", "The", "Its", "Their") else who
    prefix = text[:m.start()].strip()
    leading = prefix == "" or prefix.endswith(",")
    return Attribution(who, "official", m.start(), m.end(), m.group("verb"), leading)


def _trailing(text: str, memory: Memory) -> Attribution | None:
    """The source named after what it said: '…, the school board decided on Monday.'"""
    m = TRAILING.search(text)
    if not m or any(a <= m.start() < b for a, b in quotes(text)):
        return None
    who = _own(m.group("who"), text)
    return _attribution(who, who, text, memory, m.start("who"), m.end(), m.group("verb"),
                        False)


def _own(who: str, text: str) -> str:
    """'its planning report' as the sentence's subject's: 'the agency’s planning report'."""
    subject = re.match(r"(?:The|the)\s+([a-z][\w-]*)\b", text)
    if subject and re.match(r"(?i)its\s", who):
        return f"the {subject.group(1)}’s {who[4:]}"
    return who


def _participle(text: str, memory: Memory) -> Attribution | None:
    for m in PARTICIPLE.finditer(text):
        words = m.group("who").split()
        while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
            words = words[1:]
        if words[0].lower() in _LEADING_WORDS and words[0].lower() not in PRONOUNS:
            continue
        return _attribution(" ".join(words), m.group("who"), text, memory,
                            m.start("who"), m.end("verb"), m.group("verb"), False)
    return None


def _attribution(who, raw, text, memory, start, end, verb, leading) -> Attribution | None:
    low = who.lower()
    if low in PRONOUNS:
        who = (memory.last_speaker[0] if memory.last_speaker and not memory.previous
               else memory.person_before() or (memory.last_speaker or ("",))[0])
        if not who:
            return None
    elif _THE_ARTICLE.match(who) and memory.last_outlet:
        who = memory.last_outlet
    group = re.fullmatch(GROUP + _WHERE + "?", who, re.IGNORECASE)
    if group:
        return _unnamed(who, start, end, verb, leading)
    kind = source_kind(who, raw, text, verb, memory)
    if kind == "news outlet":
        who = re.sub(r"\s+report$", "", who)       # "a CNN report called": CNN
    known = memory.speakers.get(_surname(who))
    if known and len(known[0]) > len(who) and known[0].endswith(who.split()[-1]):
        who = known[0]
    # "declaired Giuliani." ends the sentence; "U.S." keeps its full stop.
    return Attribution(re.sub(r"(?<=[a-z])[.,;:]$", "", who), kind, start, end, verb, leading)


def _unnamed(who: str, start, end, verb, leading) -> Attribution:
    """'some experts' cannot be identified; 'a US official' or 'Western observers' can. The
    source keeps the article's own words and says that nobody is named: 'some unnamed
    residents', 'unnamed critics', 'many unnamed people'."""
    words = who.split()
    if start == 0 and not words[0].isupper():
        words[0] = words[0].lower()       # a capital only because it starts the sentence
    possessive = any(w.endswith(("’s", "'s")) for w in words)
    qualified = any(w[0].isupper() and w.lower() not in _VAGUE and not w.endswith(("’s", "'s"))
                    for w in words[:-1])
    if words[-1].lower() in ("many", "some", "several", "most"):
        words.append("people")           # "Many believe"
    noun = next((i for i, w in enumerate(words) if w in ("at", "in", "from", "near")),
                len(words)) - 1
    words[noun] = words[noun].lower()    # "Experts" in a headline
    if possessive:
        name = " ".join(words)
    elif words[0].lower() in ("a", "an"):
        name = "an unnamed " + " ".join(words[1:])
    elif words[0].lower() in ("some", "many", "several", "most"):
        name = " ".join([words[0].lower(), "unnamed", *words[1:]])
    else:
        name = " ".join(["unnamed", *(words[1:] if words[0].lower() == "the" else words)])
    # "Researchers at the University of Oslo": people of a named institution speak for it.
    where = " ".join(words[noun + 1:])
    kind = "official" if where and qualified and OFFICIAL.search(where) else "anonymous"
    return Attribution(name, kind, start, end, verb, leading, identified=qualified)


def source_kind(who: str, raw: str, text: str, verb: str, memory: Memory) -> str:
    if SOCIAL.search(text):
        return "social media"
    titled = re.search(r"\b[a-z]{3,}\b", who) and not re.search(
        rf"^(?:[Tt]he\s+)?{NAME}(?:’s|'s)?\s+{_HEAD}$", who)
    if OUTLET.search(who) and not titled or (
            verb in _OUTLET_VERBS and who.startswith(("The ", "the "))
            and not OFFICIAL.search(who)) or re.search(r"\bthe (?:Post|Times)\b", who):
        return "news outlet"
    if OFFICIAL.search(raw) or OFFICIAL.search(who) or verb in _FINDING_VERBS:
        return "official"
    known = memory.speakers.get(_surname(who))
    if known:
        return known[1]
    return "interview or speech"
