import pytest

from helpers.corpus import dates


@pytest.mark.parametrize("value, expected", [
    ("", ("", "unknown")),
    ("2020", ("2020", "year")),
    ("2020-12", ("2020-12", "month")),
    ("2025-09-29", ("2025-09-29", "day")),
    (" 2024-02-29 ", ("2024-02-29", "day")),
])
def test_parse_partial_date_keeps_the_known_precision(value, expected):
    assert dates.parse_partial_date(value) == expected


@pytest.mark.parametrize("value", ["2025-13-01", "2023-02-29", "29/09/2025", "Sept 2025", "20250"])
def test_parse_partial_date_rejects_what_is_not_a_date(value):
    with pytest.raises(dates.DateValueError):
        dates.parse_partial_date(value)


@pytest.mark.parametrize("source, expected", [
    ("News Editor 2025年9月29日", ("2025-09-29", "day", "2025年9月29日")),
    ("Posted 2023-11-24 by staff", ("2023-11-24", "day", "2023-11-24")),
    ("24.11.2023", ("2023-11-24", "day", "24.11.2023")),
    ("By Anna Smith, October 10, 2023", ("2023-10-10", "day", "October 10, 2023")),
    ("Sept. 3rd, 2024", ("2024-09-03", "day", "Sept. 3rd, 2024")),
    ("3 March 2021", ("2021-03-03", "day", "3 March 2021")),
    ("19 ноября 2025 г.", ("2025-11-19", "day", "19 ноября 2025 г.")),
    ("December 2020", ("2020-12", "month", "December 2020")),
    ("2024年5月", ("2024-05", "month", "2024年5月")),
])
def test_find_date_reads_byline_formats(source, expected):
    assert dates.find_date(source) == expected


@pytest.mark.parametrize("source", ["News Editor", "in 2030", "31.02.2024", "May we begin", "No. 34"])
def test_find_date_ignores_non_dates(source):
    assert dates.find_date(source) is None
