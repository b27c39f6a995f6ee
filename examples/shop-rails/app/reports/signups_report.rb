# Daily sign-ups, not counting internal test accounts.
class SignupsReport
  SQL = <<~SQL.freeze
    SELECT date_trunc('day', created_at) AS day, count(*) AS signups
    FROM users
    WHERE email NOT LIKE '%@shop.test'
    GROUP BY 1
    ORDER BY 1
  SQL

  def rows
    ActiveRecord::Base.connection.select_all(SQL).to_a
  end
end
