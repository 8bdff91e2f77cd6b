price(fish, 10).
!start.
+!start : price(fish, P) <- .send(buyer, tell, price(fish, P)).
