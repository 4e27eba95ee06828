"""The --worker tests' user in Python: the same requests as wk.yaml, so one
master can run it on Python workers and on loadgen workers at once."""
from locust import FastHttpUser, between, task


class wk(FastHttpUser):  # the name must equal the scenario's name
    wait_time = between(0.01, 0.02)

    @task(3)
    def ok(self):
        self.client.get("/status?code=200", name="/ok")

    @task(1)
    def bad(self):
        self.client.get("/status?code=503", name="/bad")
