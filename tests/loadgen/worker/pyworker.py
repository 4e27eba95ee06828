"""Run Debian's Locust as a worker that reports version "2.12.1": Debian's
package says '' (locust-format.md §0), which a master refuses as pre-2.0.
locust.runners copies locust.__version__ when it is imported (which
`import locust` already does), and reads its own copy when it sends
client_ready: that copy is the one to set."""
import sys

import locust
import locust.runners

locust.__version__ = locust.runners.__version__ = "2.12.1"
from locust.main import main  # noqa: E402  (after the version is set)

sys.argv[0] = "locust"
sys.exit(main())
