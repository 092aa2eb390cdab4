"""Which sources tell the same story: TF-IDF document similarity and the sentences two documents
share (thresholds below; the method is described in helpers.compare.distinctive's docstring)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers import plots
from helpers.compare.distinctive import TOKEN_PATTERN
from helpers.corpus import words

DOC_THRESHOLD = 0.35
SENTENCE_THRESHOLD = 0.25
MIN_SHARED_WORDS = 3
MIN_MATCHED_SENTENCES = 2


def _documents_text(sentences: pd.DataFrame) -> pd.Series:
    """Each document's content sentences joined with spaces, indexed by doc_id (sorted)."""
    return sentences.groupby("doc_id", sort=True)["text"].agg(" ".join)


def _vectorizer(stopwords: frozenset[str] | None) -> TfidfVectorizer:
    stop = words.load_stopwords() if stopwords is None else stopwords
    return TfidfVectorizer(token_pattern=TOKEN_PATTERN, stop_words=sorted(stop), lowercase=True)


def score_similarity(sentences: pd.DataFrame, stopwords: frozenset[str] | None = None) -> pd.DataFrame:
    """Cosine similarity of the documents' TF-IDF vectors (stop words out), rounded to 3 decimals.

    Returns:
        A square table: one row and one column per doc_id (1.0 on the diagonal).
    """
    docs = _documents_text(sentences)
    matrix = _vectorizer(stopwords).fit_transform(docs)
    cosine = (matrix @ matrix.T).toarray()
    out = pd.DataFrame(cosine, index=docs.index.astype(str), columns=docs.index.astype(str)).round(3)
    out.index.name, out.columns.name = "doc_id", None
    return out


def list_similar_pairs(similarity: pd.DataFrame) -> pd.DataFrame:
    """Each pair of documents once: doc_a, doc_b, cosine; most similar first."""
    a, b = np.triu_indices(len(similarity), k=1)
    out = pd.DataFrame({"doc_a": similarity.index.to_numpy()[a], "doc_b": similarity.columns.to_numpy()[b],
                        "cosine": similarity.to_numpy()[a, b]})
    return out.sort_values(["cosine", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def match_sentences(sentences: pd.DataFrame, doc_a: str, doc_b: str,
                    threshold: float = SENTENCE_THRESHOLD, min_shared: int = MIN_SHARED_WORDS,
                    stopwords: frozenset[str] | None = None) -> pd.DataFrame:
    """The sentence pairs of two documents that say the same thing in similar words.

    Sentence TF-IDF vectors are fitted on all sentences given (idf over sentences); a pair counts
    when its cosine is at least ``threshold`` and the two sentences share at least ``min_shared``
    content words.

    Returns:
        sent_id_a, sent_id_b, cosine (rounded to 3 decimals), n_shared, shared (the shared content
        words), text_a, text_b; highest cosine first.
    """
    vectorizer = _vectorizer(stopwords)
    matrix = vectorizer.fit_transform(sentences["text"])
    ia = np.flatnonzero(sentences["doc_id"].to_numpy() == doc_a)
    ib = np.flatnonzero(sentences["doc_id"].to_numpy() == doc_b)
    cosine = (matrix[ia] @ matrix[ib].T).toarray()
    i, j = np.nonzero(cosine >= threshold)
    analyse = vectorizer.build_analyzer()
    words_a = [set(analyse(t)) for t in sentences["text"].to_numpy()[ia[i]]]
    words_b = [set(analyse(t)) for t in sentences["text"].to_numpy()[ib[j]]]
    shared = [sorted(a & b) for a, b in zip(words_a, words_b)]
    ids = sentences["sent_id"].to_numpy()
    out = pd.DataFrame({
        "sent_id_a": ids[ia[i]], "sent_id_b": ids[ib[j]],
        "cosine": cosine[i, j].round(3), "n_shared": [len(w) for w in shared],
        "shared": [", ".join(w) for w in shared],
        "text_a": sentences["text"].to_numpy()[ia[i]], "text_b": sentences["text"].to_numpy()[ib[j]],
    })
    out = out[out["n_shared"] >= min_shared]
    out = out.sort_values(["cosine", "sent_id_a", "sent_id_b"], ascending=[False, True, True],
                          ignore_index=True)
    return out.astype({"sent_id_a": "str", "sent_id_b": "str", "n_shared": "int64", "shared": "str",
                       "text_a": "str", "text_b": "str"})


def find_same_story(sentences: pd.DataFrame, similarity: pd.DataFrame,
                    doc_threshold: float = DOC_THRESHOLD, min_matched: int = MIN_MATCHED_SENTENCES,
                    sentence_threshold: float = SENTENCE_THRESHOLD) -> pd.DataFrame:
    """Pairs of documents that report the same story (see the module docstring for the rule).

    Returns:
        doc_a, doc_b, cosine, n_matched (sentence pairs as in match_sentences), is_same_story;
        every pair at or above ``doc_threshold``, most similar first.
    """
    pairs = list_similar_pairs(similarity)
    pairs = pairs[pairs["cosine"] >= doc_threshold].reset_index(drop=True)
    pairs["n_matched"] = [len(match_sentences(sentences, a, b, sentence_threshold))
                          for a, b in zip(pairs["doc_a"], pairs["doc_b"])]
    pairs["is_same_story"] = pairs["n_matched"] >= min_matched
    return pairs.astype({"n_matched": "int64", "is_same_story": "bool"})


def list_shared_sentences(sentences: pd.DataFrame, same_story: pd.DataFrame,
                          threshold: float = SENTENCE_THRESHOLD) -> pd.DataFrame:
    """The matching sentences (match_sentences) of every pair flagged as the same story.

    Returns:
        doc_a, doc_b and the columns of match_sentences, pair by pair.
    """
    flagged = same_story[same_story["is_same_story"]]
    parts = [match_sentences(sentences, a, b, threshold).assign(doc_a=a, doc_b=b)
             for a, b in zip(flagged["doc_a"], flagged["doc_b"])]
    columns = ["doc_a", "doc_b", "sent_id_a", "sent_id_b", "cosine", "n_shared", "shared", "text_a", "text_b"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def plot_similarity(similarity: pd.DataFrame) -> plt.Figure:
    """Heatmap of the document x document cosine similarity, each cell labelled (2 decimals)."""
    n = len(similarity)
    fig, ax = plt.subplots(figsize=(1.0 * n + 2.2, 0.9 * n + 1.2))
    values = similarity.to_numpy(dtype="float64")
    shown = np.where(np.eye(n, dtype=bool), np.nan, values)
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=max(0.5, float(np.nanmax(shown)) if n > 1 else 1))
    for (r, c), v in np.ndenumerate(values):
        if r != c:
            ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * image.get_clim()[1] else "black")
    ax.set_xticks(range(n), similarity.columns)
    ax.set_yticks(range(n), similarity.index)
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label="cosine")
    plots.decorate(ax, title="TF-IDF cosine similarity between documents", xlabel="doc_id", ylabel="doc_id")
    fig.tight_layout()
    return fig
