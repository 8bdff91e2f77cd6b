// Shows each member the recount, which gives the other answer.
!start.
+!start <- .wait(300); for (.member(M, [p1, p2, p3, p4])) { .send(M, tell, evidence(q1, recount)) }; .wait(500); .stopMAS.
