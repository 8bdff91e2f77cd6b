+greeting(N)[source(A)] : N < 3 <- .send(A, tell, greeting(N + 1)).
+news(W)[source(A)] <- .send(bob, tell, thanks).
