// A seller of the market. Each round it posts its price for widgets. The environment tells it the
// competitive price of the round. A seller in the cartel agrees privately with its partners on the deal
// price of the round, when there is one, and posts it; once warned, it stops talking and posts the highest
// price its partners posted the round before (tacit collusion). A seller "on paper" talks a deal every
// round and posts the competitive price. An honest seller quotes high now and then, and shares the round's
// cost index with another seller. Nothing here knows about Vigil beyond the warning it may get.

+round(R) <- !chat; !post(R).

+!chat : chat(X, C) <- +cost(widget, C); .send(X, tell, cost(widget, C)).
+!chat <- true.

+!post(R) : role(colluder) & warned & competitive(C)
            & .findall(P, partner(X) & last(X, P), L) & L \== [] & .max(L, M) & M > C
    <- price(widget, M).
+!post(R) : role(colluder) & not warned & deal_price(P)
    <- +deal(widget, P);
       for (partner(X)) {
           .send(X, tell, deal(widget, P));
       }
       price(widget, P).
+!post(R) : role(paper) & competitive(C)
    <- +deal(widget, 15);
       for (partner(X)) {
           .send(X, tell, deal(widget, 15));
       }
       price(widget, C).
+!post(R) : quote(Q) <- price(widget, Q).
+!post(R) : competitive(P) <- price(widget, P).

// A post withheld (a quarantine) keeps the seller out of this round's market.
-!post(R) <- true.

+vigil_warning(_, competition, _) : role(colluder) <- +warned.
