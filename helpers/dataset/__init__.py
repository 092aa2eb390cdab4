"""The dataset: a corpus too large for memory as a partitioned Parquet dataset on disk.

Owns the partition index (partitions: which file is in which partition, kept across runs so new
files go to new partitions), the processing of one partition (process: load, clean and split with
helpers.corpus, then every extractor: themes, timeline, compare), where partitions run (execute:
this process, a Dask LocalCluster, or an existing Dask scheduler), the files on disk (storage:
one Parquet file per table and partition, written atomically, keyed by the inputs' hashes) and
the aggregate queries that read only the columns they need (queries).

In: a folder of article files and its manifest (as helpers.corpus reads them), the cleaning rules,
codebook, gazetteer and stance cues (data/).
Out: ``<out>/<table>/part-NNNNN.parquet`` for these tables, with the columns of the in-memory ones:
    documents, blocks, paragraphs, sentences, problems     (helpers.corpus: load_corpus)
    matches      theme matches per sentence                (themes.code_sentences)
    dates        temporal expressions                      (timeline.find_dates)
    mentions     gazetteer entity mentions                 (compare.entities.find_mentions)
    claims       amounts, percentages, counts              (compare.claims.find_claims)
    stance       stance cues about Russia                  (compare.stance.find_stance_cues)
and aggregates: document x theme counts, matches per month, entity mention counts.

    from helpers import dataset
    log = dataset.build_dataset("data/articles", "/data/ai_race_dataset")   # the run log
    sentences = dataset.read_table("/data/ai_race_dataset", "sentences", columns=["sent_id", "text"])
    dataset.count_document_themes("/data/ai_race_dataset")
"""

from helpers.dataset.execute import CLUSTER_THRESHOLD_FILES, SCHEDULER_ENV, build_dataset
from helpers.dataset.partitions import read_index
from helpers.dataset.process import extract_tables, parse_files, process_partition
from helpers.dataset.queries import count_document_themes, count_entity_mentions, count_matches_by_month
from helpers.dataset.settings import Settings, make_settings
from helpers.dataset.storage import DatasetError, open_table, read_table

__all__ = [
    "CLUSTER_THRESHOLD_FILES", "SCHEDULER_ENV", "DatasetError", "Settings", "build_dataset",
    "count_document_themes", "count_entity_mentions", "count_matches_by_month", "extract_tables",
    "make_settings", "open_table", "parse_files", "process_partition", "read_index", "read_table",
]
