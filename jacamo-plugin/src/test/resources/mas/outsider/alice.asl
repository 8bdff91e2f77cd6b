!start.
+!start <- .send(bob, tell, ping(1)); .send(bob, tell, ping(2)); .send(bob, tell, ping(3)).
