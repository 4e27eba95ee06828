"""Master-side locustfile for loadgen workers running the `decnet` scenario.

    locust -f profiles/scenarios/locust_decnet.py --master --headless --expect-workers 2 -u 2000 -r 200 -t 60s --csv out/run
    loadgen --worker --master-host 127.0.0.1 --master-port 5557 -f decnet

A Locust master hands out users by class name; `decnet` is the user class of
profiles/scenarios/decnet.yaml, which each loadgen worker runs. The class below
only has to exist (and carry that name): the requests are the scenario's. A
Python worker cannot run it; see docs/distributed.md.
"""
import logging

from locust import HttpUser, constant, task
from locust.exception import StopUser


class decnet(HttpUser):  # the name must equal the scenario's user class
    wait_time = constant(1)

    @task
    def run_by_loadgen(self):
        logging.error("the decnet scenario runs in loadgen workers (loadgen --worker -f decnet), "
                      "not in Python workers")
        raise StopUser()
