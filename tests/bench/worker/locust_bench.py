"""worker.sh's user in Python (FastHttpUser, the fast one): the same request
as bench.yaml, class named like the scenario so loadgen workers take it too."""
from locust import FastHttpUser, constant, task


class bench(FastHttpUser):  # the name must equal the scenario's name
    wait_time = constant(0)

    @task
    def root(self):
        self.client.get("/")
