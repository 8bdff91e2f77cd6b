!start.
+!start <- .send(hub, tell, hello).
