"""The gazetteer a researcher edits (data/gazetteer.csv): entities, their types and aliases, read
and checked with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import config, paths, patterns

GAZETTEER_PATH = paths.DATA_DIR / "gazetteer.csv"
GAZETTEER_COLUMNS = ("entity", "type", "country", "aliases", "note")
ENTITY_TYPES = ("person", "organisation", "country", "place", "ai_model", "event", "ignore")


class GazetteerError(ValueError):
    """The gazetteer cannot be used; the message is one line naming the file, the row and the fix."""


def load_gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """Read and validate the gazetteer.

    Args:
        path: a CSV file; default data/gazetteer.csv (relative paths start at the project root).
    Returns:
        One row per alias: entity, type, country, alias, row (the line in the file).
    Raises:
        GazetteerError: missing file or column, empty name, unknown type, an alias given for two
            entities, an entity listed twice, or a country that is not a gazetteer country.
    """
    path = paths.resolve_path(path, GAZETTEER_PATH)
    name = paths.display_path(path)
    if not path.is_file():
        raise GazetteerError(f"{name}: gazetteer not found (columns: {', '.join(GAZETTEER_COLUMNS)})")
    table = config.read_csv_table(path, name, GazetteerError, "gazetteer")
    missing = [col for col in GAZETTEER_COLUMNS[:4] if col not in table.columns]
    if missing:
        raise GazetteerError(f"{name}: missing column '{missing[0]}' (needs entity, type, country, aliases)")
    table = table.apply(lambda col: col.str.strip()).assign(row=table.index + 2)
    _check_entities(table, name)
    aliases = (table.assign(alias=(table["entity"] + "|" + table["aliases"]).str.split("|"))
               .explode("alias", ignore_index=True))
    aliases["alias"] = aliases["alias"].str.strip()
    aliases = aliases[aliases["alias"] != ""].drop_duplicates(["entity", "alias"], ignore_index=True)
    _check_aliases(aliases, name)
    return aliases[["entity", "type", "country", "alias", "row"]].astype(
        {"entity": "str", "type": "str", "country": "str", "alias": "str", "row": "int64"})


def _check_entities(table: pd.DataFrame, name: str) -> None:
    """Raise GazetteerError for the first empty name, unknown type, repeated entity or bad country."""
    for row in table.itertuples():
        where = f"{name} row {row.row}"
        if not row.entity:
            raise GazetteerError(f"{where}: empty entity name; give the canonical name in column 'entity'")
        if row.type not in ENTITY_TYPES:
            raise GazetteerError(f"{where} ({row.entity}): unknown type '{row.type}'; use one of "
                                 f"{', '.join(ENTITY_TYPES)}")
    repeated = table[table["entity"].duplicated()]
    if len(repeated):
        first = table.loc[table["entity"] == repeated["entity"].iloc[0], "row"].iloc[0]
        raise GazetteerError(f"{name} row {repeated['row'].iloc[0]} ({repeated['entity'].iloc[0]}): "
                             f"entity already listed in row {first}; merge the two rows")
    countries = set(table.loc[table["type"] == "country", "entity"])
    unknown = table[(table["country"] != "") & ~table["country"].isin(countries)]
    if len(unknown):
        bad = unknown.iloc[0]
        raise GazetteerError(f"{name} row {bad['row']} ({bad['entity']}): country '{bad['country']}' is "
                             f"not a gazetteer entity of type country; add it or fix the spelling")


def _check_aliases(aliases: pd.DataFrame, name: str) -> None:
    """Raise GazetteerError for an alias that is not a usable phrase (helpers.patterns) or that
    belongs to two entities."""
    for row in aliases.drop_duplicates("alias").itertuples():
        try:
            patterns.check_phrase(row.alias)
        except patterns.PatternError as exc:
            raise GazetteerError(patterns.describe_problem(f"{name} row {row.row} ({row.entity}): alias",
                                                           row.alias, str(exc))) from None
    try:
        patterns.check_phrases_together(aliases.loc[aliases["type"] != "ignore", "alias"].tolist())
    except patterns.PatternError as exc:
        raise GazetteerError(f"{name}: aliases: {exc}") from None
    clash = aliases[aliases["alias"].duplicated(keep=False)]
    if len(clash):
        alias = clash["alias"].iloc[0]
        rows = clash[clash["alias"] == alias]
        raise GazetteerError(
            f"{name} row {rows['row'].iloc[1]} ({rows['entity'].iloc[1]}): alias '{alias}' also belongs to "
            f"{rows['entity'].iloc[0]} (row {rows['row'].iloc[0]}); keep each alias in one row")


def resolve_aliases(matched: pd.Series, gazetteer: pd.DataFrame) -> pd.DataFrame:
    """The gazetteer entry (entity, type, country, alias) of each matched text (see resolve_phrases)."""
    keys = patterns.resolve_phrases(matched, gazetteer["alias"])
    return gazetteer.drop_duplicates("alias").set_index("alias").reindex(keys)[
        ["entity", "type", "country"]].assign(alias=keys.to_numpy()).reset_index(drop=True)
