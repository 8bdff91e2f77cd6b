// Calls every member of the team to lunch.
!start.
+!start <- .wait(100); .send([alice, bob, carol], tell, call(lunch)); .wait(1200); .stopMAS.
