+ping(N)[source(A)] <- .send(A, tell, pong(N)).
+insult(N)[source(A)] <- .print("insulted by ", A).
