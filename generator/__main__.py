"""`python -m generator`: hand over to the command line."""

import sys

from generator.cli import main

sys.exit(main())
