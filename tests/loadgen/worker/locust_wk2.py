"""The --worker tests' two user classes in Python, as wk2.yaml declares them:
a master with this file asks its workers for users of both classes."""
from locust import FastHttpUser, between, task


class Reader(FastHttpUser):
    weight = 3
    wait_time = between(0.01, 0.02)

    @task
    def read(self):
        self.client.get("/status?code=200", name="/read")


class Admin(FastHttpUser):
    fixed_count = 1
    wait_time = between(0.01, 0.02)

    @task(2)
    def admin(self):
        self.client.get("/status?code=201", name="/admin")

    @task(1)
    def audit(self):
        self.client.get("/status?code=202", name="/audit")
