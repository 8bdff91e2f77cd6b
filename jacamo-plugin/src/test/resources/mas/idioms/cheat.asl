// Keeps its price list, yet tells two buyers two prices for the same round.
price(apple, 1, 10).
!start.
+!start <- .send(buyer1, tell, price(apple, 1, 10)); .send(buyer2, tell, price(apple, 1, 14)); .wait(300); .stopMAS.
