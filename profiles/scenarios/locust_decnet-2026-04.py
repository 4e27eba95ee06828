"""Master-side locustfile for loadgen workers running the `decnet-2026-04` scenario.

    locust -f profiles/scenarios/locust_decnet-2026-04.py --master --headless --expect-workers 2 -u 2000 -r 200 -t 60s --csv out/run
    loadgen --worker --master-host 127.0.0.1 --master-port 5557 -f decnet-2026-04

A Locust master hands out users by class name; `decnet-2026-04` is the user class of
profiles/scenarios/decnet-2026-04.yaml, which each loadgen worker runs. The class below
only has to exist (and carry that name): the requests are the scenario's. A
Python worker cannot run it; see docs/distributed.md.
"""
import logging

from locust import HttpUser, constant
from locust.exception import StopUser


def run_by_loadgen(self):
    logging.error("the decnet-2026-04 scenario runs in loadgen workers (loadgen --worker -f decnet-2026-04), "
                  "not in Python workers")
    raise StopUser()


# The scenario's name is no Python identifier, so the class is made with type():
# Locust finds it among the module's User classes and uses its __name__.
globals()["decnet-2026-04"] = type("decnet-2026-04", (HttpUser,),
                                   {"wait_time": constant(1), "tasks": [run_by_loadgen]})
