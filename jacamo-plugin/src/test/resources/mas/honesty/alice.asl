price(fish, 3).
~price(apple, 5).
price(pear, 2).
~price(pear, 2).
price(melon, X) :- X = 4.
report(r1, open).
report(r1, closed).

!start.
+!start
    <- .send(bob, tell, price(fish, 3)[about(market)]);
       .send(bob, tell, price(apple, 5));
       .send(bob, tell, price(pear, 2));
       .send(bob, tell, price(kiwi, 1));
       .send(bob, tell, price(melon, 4));
       .send(bob, tell, offer(plum, 2));
       .send(bob, tell, report(r1, open));
       .send(bob, achieve, done).
