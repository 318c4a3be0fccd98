"""Words that introduce speech: speech verbs (by lemma), their unambiguous inflections, and the
titles that make a person a spokesperson for someone else.

The verb list follows GenderGapTracker's English quote extractor (about 250 reporting verbs),
with verbs of writing and publishing added for op-eds, statements and posts.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text."""
    return frozenset(text.split())


_SPEECH_LEMMAS = """
accept accuse acknowledge add address admit advise advocate affirm agree allege allow beam
announce answer apologize apologise appeal argue ask assert assure attest aver avow
bark beg believe blame blast blog boast brag brief broadcast call caution celebrate chant charge chide
cite claim clarify comment complain concede criticize criticise conclude condemn confess confide confirm
congratulate contend continue convey counter crow cry debate decide declare decry defend
demand deny describe dismiss dispute echo elaborate emphasize exhort emphasise encourage endorse
estimate exclaim explain express fear figure forecast fume gripe groan grumble guarantee
guess hail hint hope implore indicate inform insist instruct interject interrupt joke press
lament laud lecture maintain mention mock mourn mull muse mutter note notice object observe
offer opine order pledge plead point post posit praise pray predict proclaim promise put
propose protest publish question quip rage rail rally rant react read reaffirm realize realise reason
reassure rebut recall reckon recommend recount reflect reiterate reject relate remark
remind repeat reply report reprimand respond retort retweet reveal say scoff scold scream shoot shout
sigh signal snap sneer speak speculate state stress suggest summarize summarise surmise swear
tease tell testify thank theorize think threaten titter tout tweet underline underscore
urge vent venture voice vow warn weigh whisper wonder worry write yell
"""
SPEECH_LEMMAS = word_set(_SPEECH_LEMMAS)
#: Forms that are speech verbs whatever the tagger says ("says" tagged as a noun in headlines).
SPEECH_FORMS = frozenset({"said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds",
                          "asked", "asks", "tweeted", "explained", "argued", "insisted", "warned"})
#: Speech verbs whose object is the listener, never the speaker ("told CNN", "asked Smith").
LISTENER_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "reassure", "advise",
                            "brief", "thank", "congratulate", "urge", "beg", "implore", "instruct"})
#: Speech verbs that take no inverted subject ('..., told Smith' is not English).
NO_INVERSION = frozenset({"tell", "inform", "remind", "assure", "brief", "thank", "congratulate",
                          "instruct", "accuse", "blame", "praise", "hail", "laud", "mock"})
#: Words between a subject and its verb that do not interrupt the clause.
AUXILIARIES = word_set("""has have had would will may might could should can did does do is was
were be been also later then again once recently previously repeatedly not n't never often even
just only still already further quickly simply publicly privately reportedly allegedly
himself herself themselves itself""")
#: Titles of people who speak for someone else.
SPOKESPERSON = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                          "spokeswomen", "representative", "aide", "adviser", "advisor", "secretary",
                          "surrogate", "lawyer", "attorney", "agent", "publicist", "staffer"})
PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "", "we": "p", "it": "n", "who": ""}
MALE_WORDS = word_set("""mr he him his himself man father son brother husband king prince
spokesman congressman chairman businessman sir uncle nephew grandfather boy""")
FEMALE_WORDS = word_set("""mrs ms miss she her herself woman mother daughter sister wife queen
princess spokeswoman congresswoman chairwoman businesswoman madam aunt niece grandmother girl
actress""")
#: Speech verbs that are more often not about speech ("continued to build", "believe in"): they
#: introduce a quote only right next to it ('"...," he continued').
WEAK_LEMMAS = word_set("""accept address agree allow appeal beam believe call celebrate charge continue put
debate decide defend describe dismiss estimate express fear figure forecast guess hope indicate mull notice
object offer order point post pray predict publish question realize realise reason reflect relate
shoot signal think vent venture voice weigh worry press read""")
