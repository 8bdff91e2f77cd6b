// Bids for the same lot in two auction houses, a different bid in each: two offers to two parties.
!start.
+!start <- .wait(300); .send(house1, tell, bid(lamp, 10)); .send(house2, tell, bid(lamp, 30)); .wait(500); .stopMAS.
