// Asks each member to reconsider, and shows nothing.
!start.
+!start <- .wait(300); for (.member(M, [p1, p2, p3, p4])) { .send(M, tell, reconsider(q1)) }; .wait(500); .stopMAS.
