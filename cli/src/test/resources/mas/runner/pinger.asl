!start.
+!start <- .send(ponger, tell, ping(1)).
+pong(N)[source(A)] : N < 3 <- .send(A, tell, ping(N + 1)).
+pong(3)[source(A)] <- .send(A, tell, insult(1)); .wait(100); .print("stopping"); .stopMAS.
