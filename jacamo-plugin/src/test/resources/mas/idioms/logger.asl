// A bystander: greets everyone, calls no one.
!start.
+!start <- .wait(100); .send([alice, bob, carol], tell, hello); .wait(1200); .stopMAS.
