+greeting(N)[source(A)] <- .send(A, tell, greeting(N + 1)); .send(carol, tell, news(A)).
