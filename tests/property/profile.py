"""The settings every property test runs with: 100 examples a property by default, 2,000 with
RIFTWATCH_SLOW=1 (as the other long variants); no deadline, as the first call of a parser
may load its tables."""

from __future__ import annotations

import os

from hypothesis import settings

EXAMPLES = 2000 if os.environ.get("RIFTWATCH_SLOW") == "1" else 100
PROPERTY = settings(max_examples=EXAMPLES, deadline=None)
# Properties that parse a sentence with the spaCy model (some milliseconds each) draw fewer.
PARSED = settings(PROPERTY, max_examples=EXAMPLES // 4)
