"""Entry point of the PyInstaller bundle: the same ``tradequiz`` command as the pip-installed one."""

import sys

from tradequiz.cli import main

if __name__ == "__main__":
    sys.exit(main())
