# fecgov/openFEC webservices/common/models/base.py @ 8be69cc837d232a6406474b97326c224a011815a (after) the fix 8be69cc837d232a6406474b97326c224a011815a: get_bind() reads request.path, but Celery workers also query through this session, with no request
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import random
import celery
from sqlalchemy import orm
from flask import request
from flask_sqlalchemy import SQLAlchemy as SQLAlchemyBase
from flask_sqlalchemy import SignallingSession


class RoutingSession(SignallingSession):
    """Sends reads to a follower database when that is configured."""

    @property
    def followers(self):
        return self.app.config['SQLALCHEMY_FOLLOWERS']

    @property
    def follower_tasks(self):
        return self.app.config['SQLALCHEMY_FOLLOWER_TASKS']

    @property
    def use_follower(self):
        use_follower = not self._flushing and len(self.followers) > 0
        if use_follower and self.app.config['SQLALCHEMY_RESTRICT_FOLLOWER_TRAFFIC_TO_TASKS']:
            use_follower = (
                celery.current_task and
                celery.current_task.name in self.follower_tasks
            )
        return use_follower

    @property
    def route_schedule_a(self):
        return self.app.config['SQLALCHEMY_ROUTE_SCHEDULE_A'] and len(self.followers) > 1

    def get_bind(self, mapper=None, clause=None):
        if self.use_follower:
            # Celery worker doesn't have request context
            if request and self.route_schedule_a:
                if '/schedule_a/' not in request.path:
                    # everything but Schedule A goes to the first follower
                    return self.followers[0]
                else:
                    return random.choice(self.followers[1:])

            return random.choice(self.followers)

        return super().get_bind(mapper=mapper, clause=clause)


class RoutingSQLAlchemy(SQLAlchemyBase):
    """create_session returns a factory of RoutingSession sessions"""

    def create_session(self, options):
        return orm.sessionmaker(class_=RoutingSession, db=self, **options)

db = RoutingSQLAlchemy()
