!start.
+!start <- .send(bob, tell, spam(1)); .send(bob, tell, hello(1)).
