"""``python -m helpers.report``: execute the notebooks and render the report."""

import sys

from helpers.report.build import main

sys.exit(main())
