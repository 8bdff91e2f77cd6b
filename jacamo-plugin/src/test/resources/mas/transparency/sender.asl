!start.
+!start <- for (.range(I, 1, 30)) { .send(sink, tell, n(I)) }.
