+hello(N)[source(A)] <- .print("got hello ", N, " from ", A); .send(A, tell, ack).

+!count_secrets <- .count(secret(_), N); .print("secrets: ", N).
