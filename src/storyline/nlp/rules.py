"""A rule layer over spaCy's NER for what the statistical model gets wrong in news copy.

- news agencies and outlets by name (AFP, Reuters, Yonhap, ...) and by shape
  ("the Chosun Ilbo newspaper", "the Chosun Daily", "Korea Herald");
- government bodies written in lower case ("the unification ministry");
- acronyms defined in parentheses ("National Intelligence Service (NIS)") and reused;
- trimming of possessives ("Ri Il-kyu's") and a leading "the";
- repair of spans the model runs past a name in headlines and URLs (``nlp.spans``).
"""

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from storyline.nlp.spans import repair_span

NEWS_AGENCIES = (
    "AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "Yonhap", "Xinhua",
    "Kyodo", "TASS", "Interfax", "Bloomberg", "BBC", "CNN", "Al Jazeera", "NHK", "KCNA",
    "Korean Central News Agency", "dpa", "EFE", "ANSA", "PTI", "Press Trust of India", "UPI",
    "NPR", "Fox News", "NBC News", "CBS News", "ABC News", "The Guardian", "Newsweek",
)
#: Last words that make a title-case run a publication's name.
OUTLET_HEADS = ("daily", "ilbo", "times", "post", "herald", "journal", "shimbun", "gazette",
                "tribune", "telegraph", "chronicle", "courier", "monitor", "observer")
#: Words after a title-case run that say it names a publication or agency.
OUTLET_CUES = ("newspaper", "daily", "broadcaster", "tabloid", "magazine", "outlet")
MINISTRY_KINDS = ("unification", "foreign", "defense", "defence", "interior", "justice",
                  "finance", "health", "education", "trade", "economy", "culture", "home")
POSSESSIVES = ("'s", "’s", "'", "’")
_ENT_LABELS_TO_KEEP = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                       "WORK_OF_ART", "LAW", "LANGUAGE")


def _build_matchers(nlp: Language) -> tuple[PhraseMatcher, Matcher]:
    phrases = PhraseMatcher(nlp.vocab)
    phrases.add("ORG", [nlp.make_doc(name) for name in NEWS_AGENCIES])
    matcher = Matcher(nlp.vocab)
    title_run = {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}
    matcher.add("OUTLET_HEAD", [[title_run,
                                 {"LOWER": {"IN": list(OUTLET_HEADS)}, "IS_TITLE": True}]])
    matcher.add("OUTLET_CUE", [[title_run, {"LOWER": {"IN": list(OUTLET_CUES)}, "IS_LOWER": True}]])
    matcher.add("MINISTRY", [[{"LOWER": {"IN": list(MINISTRY_KINDS)}}, {"LOWER": "ministry"}]])
    matcher.add("ACRONYM_DEF", [[{"ENT_TYPE": "ORG", "OP": "+"}, {"ORTH": "("},
                                 {"IS_UPPER": True, "LENGTH": {">=": 2}}, {"ORTH": ")"}]])
    return phrases, matcher


def _trim(span: Span) -> Span | None:
    """Drop a leading 'the' and a trailing possessive; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in POSSESSIVES:
        end -= 1
    if start >= end:
        return None
    text = doc[start:end].text
    if text.endswith(POSSESSIVES[:2]):
        return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]) - 2,
                             label=span.label_) or Span(doc, start, end, label=span.label_)
    return Span(doc, start, end, label=span.label_)


def _rule_spans(doc: Doc, phrases: PhraseMatcher, matcher: Matcher) -> list[Span]:
    spans: list[Span] = [Span(doc, s, e, label="ORG") for _, s, e in phrases(doc)]
    acronyms: set[str] = set()
    for match_id, start, end in matcher(doc):
        rule = doc.vocab.strings[match_id]
        if rule == "OUTLET_CUE":
            spans.append(Span(doc, start, end - 1, label="ORG"))
        elif rule == "ACRONYM_DEF":
            spans.append(Span(doc, end - 2, end - 1, label="ORG"))
            acronyms.add(doc[end - 2].text)
        else:
            spans.append(Span(doc, start, end, label="ORG"))
    if acronyms:
        spans += [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text in acronyms]
    return spans


def _longest_matches(spans: list[Span]) -> list[Span]:
    """Of overlapping rule matches keep the longest (Matcher returns every sub-run)."""
    return filter_spans(spans)


@Language.factory("storyline_entity_rules")
def make_entity_rules(nlp: Language, name: str) -> Any:
    phrases, matcher = _build_matchers(nlp)

    def entity_rules(doc: Doc) -> Doc:
        model_spans = [r for e in doc.ents for s in [_trim(e)] if s is not None for r in repair_span(s)]
        model_spans = [s for s in model_spans if s.label_ in _ENT_LABELS_TO_KEEP or
                       s.label_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY",
                                    "PERCENT", "ORDINAL")]
        rules = _longest_matches(_rule_spans(doc, phrases, matcher))
        rule_tokens = {i for s in rules for i in range(s.start, s.end)}
        kept = [s for s in model_spans if not any(i in rule_tokens for i in range(s.start, s.end))]
        doc.ents = filter_spans(rules + kept)
        return doc

    return entity_rules


def add_rules(nlp: Language) -> None:
    if "storyline_entity_rules" not in nlp.pipe_names:
        nlp.add_pipe("storyline_entity_rules", after="ner")
