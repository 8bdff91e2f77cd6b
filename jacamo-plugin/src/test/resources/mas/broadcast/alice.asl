!start.
+!start <- .broadcast(tell, rumour(1)).
