# The worked port of docs/porting.md: a locustfile with the constructs
# Locust users write most, against refserver's DECNET API.
import os
import random

from locust import HttpUser, between, tag, task


class DecnetUser(HttpUser):
    wait_time = between(0.01, 0.05)

    def on_start(self):
        r = self.client.post("/api/v1/auth/login", name="/api/v1/auth/login [on_start]",
                             json={"username": os.environ.get("PORT_USER", "admin"),
                                   "password": os.environ.get("PORT_PASSWORD", "admin")})
        self.client.headers["Authorization"] = "Bearer " + r.json()["access_token"]

    @task(10)
    def stats(self):
        self.client.get("/api/v1/stats")

    @task(8)
    def logs(self):
        self.client.get("/api/v1/logs?limit=50")

    @tag("paged")
    @task(4)
    def logs_paged(self):
        offset = random.randint(0, 1000)
        self.client.get(f"/api/v1/logs?limit=100&offset={offset}",
                        name="/api/v1/logs?limit=100&offset=*")

    @task(3)
    def health(self):
        with self.client.get("/api/v1/health", catch_response=True) as r:
            if r.json().get("status") != "healthy":
                r.failure("not healthy")

    @tag("paged")
    @task(2)
    def last_attackers_page(self):
        total = self.client.get("/api/v1/attackers?limit=1").json()["total"]
        self.client.get(f"/api/v1/attackers?limit=10&offset={total}",
                        name="/api/v1/attackers?limit=10&offset=[total]")
