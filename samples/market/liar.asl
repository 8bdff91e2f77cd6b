~fresh(fish).
!start.
+!start <- .send(buyer, tell, fresh(fish)); .wait(1000); .stopMAS.
