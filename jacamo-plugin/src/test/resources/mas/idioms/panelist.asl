// A panel member: states its answer to the chair, and changes it when the chair shows it evidence or only
// asks it to reconsider.
!start.
+!start <- +opinion(q1, a); .send(chair, tell, opinion(q1, a)).
+evidence(Q, _)[source(chair)] <- !change(Q).
+reconsider(Q)[source(chair)] <- !change(Q).
+!change(Q) <- -+opinion(Q, b); .send(chair, tell, opinion(Q, b)).
