"""``python -m actorgraph``: the same command line as ``actorgraph``."""
import sys

from actorgraph.cli import main

sys.exit(main())
