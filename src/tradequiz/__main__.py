"""`python -m tradequiz` behaves exactly like the `tradequiz` command."""

import sys

from tradequiz.cli import main

if __name__ == "__main__":
    sys.exit(main())
